import { DEMO_TENANT_ID } from './constants';
import { startEmulator } from './server';

const port = Number(process.env.PORT ?? 5174);
const { origin, close } = await startEmulator({ port, host: process.env.HOST ?? 'localhost' });

console.log(`Entra + Graph emulator on ${origin}
  authority:  ${origin}/login/${DEMO_TENANT_ID}/v2.0
  graph:      ${origin}/graph/v1.0
  control:    ${origin}/emulator/settings`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void close().then(() => process.exit(0)));
}
