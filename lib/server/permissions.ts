// The permission table is pure data and lives in lib/domain/accounts/permissions.ts so
// components and schemas can read it without importing server code; server
// modules keep importing it from here.
export { PERMISSIONS, can, permissionsOf, type Permission, type Role } from "@/lib/domain/accounts/permissions";
