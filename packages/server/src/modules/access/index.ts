export * from './access-model.ts';
export * from './permissions.ts';
export { can, isStatewide, type Actor, type ActiveScope } from './actor.ts';
export { hashPassword, generateTemporaryPassword, checkPasswordRules } from './password.ts';
export { totp, generateTotpSecret } from './totp.ts';
export { createUser, proposeUsername, type NewUser } from './user.service.ts';
export { deleteExpiredLoginThrottles } from './session.repo.ts';
