// Local account roles. Permissions are decided here, as data, so that the router and the UI
// ask the same question and get the same answer.
export const ROLES = ['admin', 'clerk', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  clerk: '录入员',
  viewer: '查看员',
};

/** What a method needs: read data, write data, or administer the node. */
export type Access = 'read' | 'write' | 'admin';

const ALLOWED: Record<Access, readonly Role[]> = {
  read: ['admin', 'clerk', 'viewer'],
  write: ['admin', 'clerk'],
  admin: ['admin'],
};

export function roleMay(role: Role, access: Access): boolean {
  return ALLOWED[access].includes(role);
}
