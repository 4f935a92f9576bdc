/** Every message the notifications inbox shows. */
export const NOTIFICATION_MESSAGES = {
  loadFailed: 'Your notifications could not be loaded. Refresh the page to try again.',
  none: 'You have no notifications.',
  unread: (n: number) =>
    n === 0
      ? 'You have no unread notifications.'
      : n === 1
        ? 'You have 1 unread notification.'
        : `You have ${n} unread notifications.`,
} as const;
