/** A stop sign drawn inline (emoji fonts are not installed everywhere); the word "Blocker" always accompanies it. */
export function BlockerIcon({ size = 16, bar = "#fff" }: { size?: number; bar?: string }) {
  return (
    <svg className="blocker-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M7.86 2h8.28L22 7.86v8.28L16.14 22H7.86L2 16.14V7.86z" fill="currentColor" />
      <rect x="6" y="10.5" width="12" height="3" rx="1" fill={bar} />
    </svg>
  );
}
