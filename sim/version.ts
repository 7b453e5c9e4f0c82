// The engine version, recorded in every run file and summary. Bump it whenever a change can
// alter any run's random draws or results.
export const ENGINE_VERSION = '1.3.0';
