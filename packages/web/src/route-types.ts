import type { ComponentType } from 'react';
import type { ModuleName } from './session';

export type RouteAccess =
  | 'public'
  /** any signed-in user */
  | 'signed-in'
  /** the module at read level (or write, when level is 'write') */
  | { module: ModuleName; level?: 'write' }
  /** a server permission, e.g. 'patient:write' */
  | { permission: string };

export interface RouteDef {
  path: string;
  title: string;
  access: RouteAccess;
  component: ComponentType<{ params: Record<string, string> }>;
}

/** A module's entry in the primary navigation (shown only to users who have that module). */
export interface NavEntry {
  module: ModuleName;
  label: string;
  path: string;
  /** A server permission that must also be held (e.g. 'audit:read'). */
  permission?: string;
}
