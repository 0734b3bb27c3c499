import { createContext, use, type ReactNode } from 'react';
import { reportsBudget, type RequestBudget } from '../graph/request-budget';

/**
 * The reports-class request budget as React sees it. Without a provider it is the app's one
 * budget (graph/request-budget.ts), so production needs none; tests provide one that never waits.
 */
const ReportsBudgetContext = createContext<RequestBudget>(reportsBudget);

export function ReportsBudgetProvider(props: { budget: RequestBudget; children: ReactNode }) {
  return <ReportsBudgetContext value={props.budget}>{props.children}</ReportsBudgetContext>;
}

export function useReportsBudget(): RequestBudget {
  return use(ReportsBudgetContext);
}
