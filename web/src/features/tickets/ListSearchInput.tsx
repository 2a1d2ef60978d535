import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

/**
 * The list's search box. It keeps what the person types: a search given by the URL from elsewhere
 * (a view, the back button) replaces the text, but the answer to their own search does not. It
 * used to be remounted on every change of `q`, and a list that rendered late (a busy PC) put the
 * previous search back into a box already holding the next one, whose Enter then searched the old
 * words again (seen in the field-engineer e2e under CI load).
 */
export function ListSearchInput(props: { q: string; placeholder: string; width: number | string; onSearch(value: string): void }) {
  const { q, onSearch } = props;
  const [text, setText] = useState(q);
  const submitted = useRef(q);
  useEffect(() => {
    if (q === submitted.current) return;
    submitted.current = q;
    setText(q);
  }, [q]);
  return (
    <Input.Search
      allowClear
      placeholder={props.placeholder}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(value) => {
        submitted.current = value.trim();
        onSearch(value.trim());
      }}
      style={{ width: props.width }}
      data-testid="ticket-search"
    />
  );
}
