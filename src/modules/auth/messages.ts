/** The auth module's sign-in protection messages, merged into the server catalogue (src/app/i18n). */
export const authMessages = {
  zhCN: {
    'auth.sign_in_locked': '登录失败次数过多，已暂时锁定，请 {minutes} 分钟后再试，或联系管理员解锁',
    'auth.sign_in_delayed': '登录失败次数较多，请 {seconds} 秒后再试',
    'auth.sign_in_lock_not_found': '该锁定不存在或已解除',
  },
  en: {
    'auth.sign_in_locked': 'Too many failed sign-ins: locked for now. Try again in {minutes} minutes, or ask an administrator to unlock it',
    'auth.sign_in_delayed': 'Several failed sign-ins: try again in {seconds} seconds',
    'auth.sign_in_lock_not_found': 'No such lock, or it was already lifted',
  },
} as const;
