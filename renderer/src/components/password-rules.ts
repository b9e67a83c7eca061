import type { FormRule } from 'antd';

// The same rule core enforces (services/passwords.ts), checked here first so the clerk sees
// the problem beside the field instead of after a round trip.
export const newPasswordRules: FormRule[] = [
  { required: true, message: '请填写密码' },
  { min: 8, message: '密码至少 8 位' },
  { max: 128, message: '密码过长' },
  {
    validator: (_, value: string | undefined) =>
      !value || (/[A-Za-z]/.test(value) && /\d/.test(value)) ? Promise.resolve() : Promise.reject(new Error('密码须同时包含字母和数字')),
  },
];

export const confirmPasswordRules = (field: string): FormRule[] => [
  { required: true, message: '请再次输入密码' },
  ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) =>
      !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
  }),
];
