// The test profile runs its own services on other ports and in another data folder, so `npm test`
// works while `npm start` is running and never touches the data a developer is looking at.
export const testProfileEnv: Record<string, string> = {
  NODE_ENV: 'test',
  DATA_DIR: '.data/test',
  PG_PORT: '54339',
  TEMPORAL_PORT: '7243',
  TEMPORAL_UI_PORT: '8243',
  PORT: '3100',
  LOG_LEVEL: 'warn',
};

/** Test-profile values fill only what the caller did not set, so CI can still override them. */
export function applyTestProfile(env: NodeJS.ProcessEnv = process.env): void {
  for (const [key, value] of Object.entries(testProfileEnv)) {
    if (env[key] === undefined || env[key] === '') env[key] = value;
  }
}
