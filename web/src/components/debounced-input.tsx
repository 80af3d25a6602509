import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/**
 * A text filter that reports its value once typing pauses, so a list is not reloaded on every key.
 * A value changed from outside (filters cleared, back button) is shown as it arrives.
 *
 * Leaving the field (or pressing Enter) reports the pending value at once: someone who types and
 * then clicks a result straight away must land on that result, not be pulled back to the list when
 * the pause runs out while the next page is still loading.
 */
export function DebouncedInput({
  value,
  onCommit,
  onBlur,
  onKeyDown,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onCommit: (value: string) => void }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const commit = useDebouncedCallback((next: string) => onCommit(next), 350);
  return (
    <TextInput
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onBlur={(event) => {
        commit.flush();
        onBlur?.(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
        onKeyDown?.(event);
      }}
    />
  );
}
