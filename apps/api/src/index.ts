// Public entry for end-to-end tests and tooling that run the API in-process.
export { createApp } from './create-app';
export { loadApiConfig, type ApiConfig } from './config/api-config';
export { hashPassword } from './auth/password-hasher';
export { sha256 } from './auth/secret-token';
export { seedDemo, DEMO_ADMIN_EMAIL } from './seed/demo-seed';
