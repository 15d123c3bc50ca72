// What other modules (and the server's root files, seed and CLI) may use from access.
export * from './access-model.ts';
export * from './permissions.ts';
export { can, isStatewide, type Actor, type ActiveScope } from './actor.ts';
export { DEFAULT_BODY_LIMIT, installAuthHooks, registerPublicContent } from './auth.hooks.ts';
export { hashPassword, generateTemporaryPassword, checkPasswordRules } from './password.ts';
export { totp, generateTotpSecret } from './totp.ts';
export { createUser, proposeUsername, type NewUser } from './user.service.ts';
export { registerSessionRoutes } from './session.routes.ts';
export { reauthenticate } from './reauth.service.ts';
export { actorForJob } from './job-actor.ts';
export { accessJobHandlers, scheduleSessionCleanup, SESSION_CLEANUP } from './session-cleanup.ts';
export { actingMemberships, membershipsOf, type MembershipRow } from './membership.service.ts';
export { isStatewideSubmitter, SubmitterKind, uiSubmitter, type Submitter } from './submitter.ts';
export {
  addDphRoles,
  anyUserExists,
  clearMfa,
  deactivateAccount,
  endMemberships,
  endMembershipsDeactivatingOrphans,
  findActiveUsersByLogin,
  findMembership,
  findUserById,
  findUserByUsername,
  findUsersByEmail,
  findUsersByUsernames,
  insertMemberships,
  reactivateAccount,
  replacePassword,
  searchUsers,
  setDphRoles,
  userNamesByIds,
  usernamesByIds,
  usersAtOrganization,
  type UserRow,
  type UserSearch,
} from './user.repo.ts';
