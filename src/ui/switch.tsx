interface SwitchProps {
  checked: boolean;
  label: string;
  onChange: (next: boolean) => void;
  disabled?: boolean;
  /** Extra words read after the name, e.g. "until 18:00". */
  describedBy?: string;
}

/** An on/off button with role="switch": Space and Enter toggle it like any button. */
export function Switch({ checked, label, onChange, disabled = false, describedBy }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="switch"
      aria-checked={checked}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span class="switch-track" aria-hidden="true" />
      <span class="switch-label">{label}</span>
    </button>
  );
}
