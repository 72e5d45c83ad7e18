import React from 'react';
import { Field, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import type { ActionInfo } from '../../api/contract';

interface Props {
  params: ActionInfo['params'];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  /** The field the last check found wrong, and why. */
  problem?: { field: string; message: string };
}

const BOOLEAN_OPTIONS = [
  { label: 'unset', value: '' },
  { label: 'true', value: 'true' },
  { label: 'false', value: 'false' },
];

/** The inputs for an action's declared parameters, inside its confirm dialog. */
export function ActionParamsFields({ params, values, onChange, problem }: Props) {
  const set = (name: string, value: string) => onChange({ ...values, [name]: value });
  return (
    <Stack direction="column" gap={0}>
      {params.map((param) => (
        <Field
          key={param.name}
          label={`${param.name}${param.required ? '' : ' (optional)'}`}
          description={[param.description, param.type === 'duration' ? 'e.g. 30m or 2h' : ''].filter(Boolean).join(' ')}
          invalid={problem?.field === param.name}
          error={problem?.field === param.name ? problem.message : undefined}
        >
          {param.type === 'boolean' ? (
            <RadioButtonGroup
              options={BOOLEAN_OPTIONS}
              value={values[param.name] ?? ''}
              onChange={(value) => set(param.name, value)}
            />
          ) : (
            <Input
              aria-label={param.name}
              type={param.type === 'number' ? 'number' : 'text'}
              value={values[param.name] ?? ''}
              onChange={(event) => set(param.name, event.currentTarget.value)}
            />
          )}
        </Field>
      ))}
    </Stack>
  );
}
