export { loadConfig, loadDotEnv, describeConfig, ConfigError, configKeys, type Config } from './load.ts';
