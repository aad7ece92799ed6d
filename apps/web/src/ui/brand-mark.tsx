/** The Baton logo: a baton mid-pass. */
export function BrandMark({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1f4fd1" />
      <path d="M9 23 23 9" stroke="#fff" strokeWidth="4" strokeLinecap="round" />
      <circle cx="23" cy="9" r="3" fill="#ffd166" />
    </svg>
  );
}
