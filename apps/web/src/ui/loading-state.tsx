interface LoadingStateProps {
  label: string;
  fullPage?: boolean;
}

export function LoadingState({ label, fullPage = false }: LoadingStateProps) {
  return (
    <div role="status" className={fullPage ? 'loading loading-full' : 'loading'}>
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
