// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../../../src/storage/problems.ts';
import { EditorForm } from '../../../src/ui/editor-form.tsx';
import { ErrorAlert, NumberField, numberWidth } from '../../../src/ui/fields.tsx';
import { SelectField } from '../../../src/ui/select-field.tsx';
import { TextField } from '../../../src/ui/text-field.tsx';
import { useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

beforeEach(useEnglish);
afterEach(cleanup);

function editor(canSave: boolean, outcome: Outcome<unknown>) {
  const save = vi.fn(async () => outcome);
  const onDone = vi.fn();
  render(
    <EditorForm title="Edit it" canSave={canSave} save={save} onDone={onDone} dirty>
      <TextField label="Name" value="" onInput={() => undefined} />
    </EditorForm>,
  );
  return { save, onDone, form: screen.getByRole('form', { name: 'Edit it' }) };
}

describe('the editor frame', () => {
  it('saves, then closes', async () => {
    const { save, onDone } = editor(true, { ok: true, value: null });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(save).toHaveBeenCalledOnce();
  });

  it('stays open and says why when storage refuses', async () => {
    const { onDone } = editor(true, { ok: false, problem: { code: 'storageFailed', path: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toBe(''));
    expect(screen.getByRole('status').className).toBe('error');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('neither saves nor submits a draft that cannot be stored; Cancel closes without saving', () => {
    const { save, onDone, form } = editor(false, { ok: true, value: null });
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
    fireEvent.submit(form);
    expect(save).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onDone).toHaveBeenCalledOnce();
    expect(save).not.toHaveBeenCalled();
  });
});

describe('fields', () => {
  it('a select gives back the chosen value', () => {
    const picked: string[] = [];
    render(
      <SelectField
        label="Colour"
        value="red"
        choices={[
          { value: 'red', label: 'Red' },
          { value: 'blue', label: 'Blue' },
        ]}
        onChange={(value) => picked.push(value)}
      >
        <p>below</p>
      </SelectField>,
    );
    fireEvent.change(screen.getByLabelText('Colour'), { target: { value: 'blue' } });
    expect(picked).toEqual(['blue']);
    expect(screen.getByText('below')).toBeTruthy();
  });

  it('a text field is a textarea with rows, an input without, and renders only the props it got', () => {
    const typed: string[] = [];
    render(
      <>
        <TextField label="Long" rows={3} value="" describedBy="why" invalid onInput={(v) => typed.push(v)} />
        <TextField label="Short" value="x" maxLength={5} spellcheck={false} onInput={(v) => typed.push(v)} />
      </>,
    );
    const long = screen.getByLabelText('Long');
    const short = screen.getByLabelText('Short');
    expect(long.tagName).toBe('TEXTAREA');
    expect(long.getAttribute('aria-invalid')).toBe('true');
    expect(long.getAttribute('aria-describedby')).toBe('why');
    expect(short.tagName).toBe('INPUT');
    expect(short.hasAttribute('aria-invalid')).toBe(false);
    expect(short.hasAttribute('aria-describedby')).toBe(false);
    expect(short.getAttribute('maxlength')).toBe('5');
    expect(long.hasAttribute('maxlength')).toBe(false);
    fireEvent.input(long, { target: { value: 'a' } });
    fireEvent.input(short, { target: { value: 'b' } });
    expect(typed).toEqual(['a', 'b']);
  });

  it('a number field is as wide as the numbers it takes, not as the form', () => {
    expect(numberWidth(0, 500, 1)).toBe(3);
    expect(numberWidth(0, 3600, 1)).toBe(4);
    expect(numberWidth(0, 365, 0.5)).toBe(5);
    expect(numberWidth(-12, 5, 0.25)).toBe(6);
    render(
      <>
        <NumberField label="Per day" value="100" min={0} max={500} onInput={() => undefined} />
        <NumberField label="Days" value="4" min={0} max={365} step={0.5} onInput={() => undefined} />
      </>,
    );
    const digits = (label: string) =>
      (screen.getByLabelText(label) as HTMLInputElement).style.getPropertyValue('--digits');
    expect(digits('Per day')).toBe('3');
    expect(digits('Days')).toBe('5');
  });

  it('an error alert shows only when there is something to say', () => {
    const { rerender } = render(<ErrorAlert text="" />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<ErrorAlert text="Broken" id="e" />);
    expect(screen.getByRole('alert').id).toBe('e');
  });
});
