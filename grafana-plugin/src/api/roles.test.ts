import { canOperate } from './roles';

test('Editors and Admins may operate; Viewers and the unknown may not', () => {
  expect(canOperate('Editor')).toBe(true);
  expect(canOperate('Admin')).toBe(true);
  expect(canOperate('Viewer')).toBe(false);
  expect(canOperate('None')).toBe(false);
  expect(canOperate(undefined)).toBe(false);
});
