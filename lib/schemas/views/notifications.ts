/** One notification as the bell's page shows it. */
export interface NotificationView {
  id: string;
  /** reminder | blocker | sign_off_request */
  type: string;
  title: string;
  href: string;
  vendorName: string;
  dueDate: string | null;
  createdAt: string;
  readAt: string | null;
}
