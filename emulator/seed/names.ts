// Diverse on purpose: accents, apostrophes and hyphens are what break naive search and UPN code.
// prettier-ignore
export const GIVEN_NAMES = [
  'Aarav', 'Abigail', 'Adebayo', 'Aiko', 'Alejandro', 'Amara', 'Amelia', 'Ana', 'Andrés', 'Anika',
  'Arjun', 'Astrid', 'Beatriz', 'Benjamin', 'Björn', 'Camille', 'Carlos', 'Chen', 'Chloé', 'Chidi',
  'Daniel', 'Dara', 'Diego', 'Dmitri', 'Eilidh', 'Elena', 'Eli', 'Emma', 'Eoin', 'Fatima',
  'Felix', 'François', 'Gabriel', 'Grace', 'Hana', 'Hannah', 'Hiroshi', 'Ibrahim', 'Ingrid', 'Isabella',
  'Jamal', 'Jana', 'Javier', 'Jia', 'Joaquín', 'Jonas', 'Kai', 'Kamala', 'Karin', 'Kenji',
  'Kwame', 'Laila', 'Lars', 'Léa', 'Liam', 'Lucía', 'Malik', 'Marta', 'Mateo', 'Mei',
  'Mia', 'Mohammed', 'Nadia', 'Naledi', 'Niamh', 'Noah', 'Olga', 'Oliver', 'Omar', 'Priya',
  'Rafael', 'Rania', 'Ravi', 'Renée', 'Rosa', 'Ryan', 'Saanvi', 'Sakura', 'Samuel', 'Sara',
  'Seo-yeon', 'Sofia', 'Søren', 'Tariq', 'Thabo', 'Tomás', 'Uma', 'Valentina', 'Wei', 'Yasmin',
  'Yusuf', 'Zainab', 'Zara', 'Zoltán',
];

// prettier-ignore
export const SURNAMES = [
  'Abara', 'Achebe', 'Ahmed', 'Andersson', 'Bakker', 'Banerjee', 'Becker', 'Bianchi', 'Brown', 'Castillo',
  'Chowdhury', 'Costa', 'Da Silva', 'Dubois', 'Dvořák', 'Eriksen', 'Fernández', 'Fischer', 'García', 'Gonzalez',
  'Gupta', 'Hashemi', 'Hernández', 'Hoffmann', 'Ibáñez', 'Ivanova', 'Jackson', 'Jensen', 'Johansson', 'Kaur',
  'Kelly', 'Khan', 'Kim', 'Kowalski', 'Kuznetsov', 'Lambert', 'Larsen', 'Lee', 'Li', 'López',
  'MacDonald', 'Mahlangu', 'Martin', 'Mbeki', 'McCarthy', 'Mendes', 'Moreau', 'Murphy', 'Nakamura', 'Nguyen',
  'Novak', 'Okafor', "O'Connor", "O'Neill", 'Osei', 'Papadopoulos', 'Park', 'Patel', 'Pereira', 'Petrov',
  'Popescu', 'Quispe', 'Rahman', 'Reddy', 'Rossi', 'Santos', 'Schmidt', 'Sharma', 'Singh', 'Smith',
  'Sokolov', 'Suzuki', 'Tanaka', 'Taylor', 'Thompson', 'Van der Berg', 'Vasquez', 'Wagner', 'Wang', 'Williams',
  'Wójcik', 'Yamamoto', 'Yilmaz', 'Zhang', 'Zhou',
];

// prettier-ignore
export const DEPARTMENTS = [
  'Sales', 'Finance', 'Engineering', 'HR', 'Legal', 'Marketing', 'Operations', 'Support',
  'Procurement', 'Research',
];

export const JOB_TITLES: Record<string, string[]> = {
  Sales: ['Account Executive', 'Sales Manager', 'Sales Representative', 'Key Account Manager'],
  Finance: ['Accountant', 'Financial Analyst', 'Controller', 'Payroll Specialist'],
  Engineering: [
    'Software Engineer',
    'Senior Software Engineer',
    'QA Engineer',
    'Engineering Manager',
  ],
  HR: ['HR Generalist', 'Recruiter', 'HR Business Partner'],
  Legal: ['Legal Counsel', 'Paralegal', 'Compliance Officer'],
  Marketing: ['Marketing Specialist', 'Content Designer', 'Brand Manager'],
  Operations: ['Operations Coordinator', 'Logistics Planner', 'Facilities Manager'],
  Support: ['Customer Support Agent', 'Support Team Lead', 'Technical Support Engineer'],
  Procurement: ['Buyer', 'Procurement Specialist'],
  Research: ['Research Scientist', 'Data Analyst', 'Lab Technician'],
};

export const OFFICES = [
  {
    officeLocation: 'Seattle',
    usageLocation: 'US',
    preferredLanguage: 'en-US',
    phonePrefix: '+1 206 555',
  },
  {
    officeLocation: 'New York',
    usageLocation: 'US',
    preferredLanguage: 'en-US',
    phonePrefix: '+1 212 555',
  },
  {
    officeLocation: 'London',
    usageLocation: 'GB',
    preferredLanguage: 'en-GB',
    phonePrefix: '+44 20 7946',
  },
  {
    officeLocation: 'Dublin',
    usageLocation: 'IE',
    preferredLanguage: 'en-IE',
    phonePrefix: '+353 1 555',
  },
  {
    officeLocation: 'Berlin',
    usageLocation: 'DE',
    preferredLanguage: 'de-DE',
    phonePrefix: '+49 30 555',
  },
  {
    officeLocation: 'Madrid',
    usageLocation: 'ES',
    preferredLanguage: 'es-ES',
    phonePrefix: '+34 91 555',
  },
  {
    officeLocation: 'Lagos',
    usageLocation: 'NG',
    preferredLanguage: 'en-GB',
    phonePrefix: '+234 1 555',
  },
  {
    officeLocation: 'Bengaluru',
    usageLocation: 'IN',
    preferredLanguage: 'en-IN',
    phonePrefix: '+91 80 555',
  },
  {
    officeLocation: 'Tokyo',
    usageLocation: 'JP',
    preferredLanguage: 'ja-JP',
    phonePrefix: '+81 3 555',
  },
];

// prettier-ignore
export const PHONE_MODELS = [
  'iPhone 15', 'iPhone 14', 'iPhone 13 mini', 'iPhone SE (3rd generation)', 'Galaxy S24',
  'Galaxy A54', 'Pixel 8', 'Pixel 7a', 'moto g84', 'OnePlus 12',
];

export const FIDO2_KEYS = [
  { model: 'YubiKey 5 NFC', aaGuid: 'cb69481e-8ff7-4039-93ec-0a2729a154a8' },
  { model: 'YubiKey 5C NFC', aaGuid: 'a25342c0-3cdc-4414-8e46-f4807fca511c' },
  { model: 'Feitian ePass FIDO2', aaGuid: '833b721a-ff5f-4d00-bb2e-bdda3ec01e29' },
];

export const VERIFICATION_METHODS = [
  'Video call with photo ID',
  'In person at the service desk',
  'Manager confirmed by Teams call',
  'Callback to number on HR record',
];

export const ISSUE_REASONS = [
  'Passwordless pilot onboarding',
  'New phone, Authenticator to set up again',
  'Lost phone',
  'First day: no password yet',
];
