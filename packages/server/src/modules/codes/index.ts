// Code-set look-ups the web UI needs from the server (the large CVX/NDC data stays here): the vaccine picker.
export { registerCodesRoutes } from './codes.routes.ts';
