import { createContext, use, type ReactNode } from 'react';
import type { RuntimeConfig } from './runtime-config';

const ConfigContext = createContext<RuntimeConfig | null>(null);

export function ConfigProvider(props: { config: RuntimeConfig; children: ReactNode }) {
  return <ConfigContext value={props.config}>{props.children}</ConfigContext>;
}

export function useRuntimeConfig(): RuntimeConfig {
  const config = use(ConfigContext);
  if (!config) throw new Error('useRuntimeConfig must be used inside ConfigProvider');
  return config;
}
