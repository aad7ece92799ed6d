import type { GraphProblemView, NodeTypeDescriptionView } from '@baton/api-contract';
import Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { useMemo, type Ref } from 'react';
import type { FlowReferences } from './flow-references.api';
import { sameNodeConfig } from './node-config-equality';
import { toFormSchema, toUiSchema } from './node-config-schema';
import { referencePickerWidgets, type NodeFormContext } from './reference-picker-widgets';
import { ConditionRulesField } from './condition-rules-field';
import { TemplateEditorWidget } from './template-editor-widget';

type Config = Record<string, unknown>;

// One validator for every form; it compiles each schema once and keeps it.
const validator = customizeValidator<Config>();
// Registered by name; node-config-schema names them in each form's uiSchema.
const widgets = { ...referencePickerWidgets, template: TemplateEditorWidget };
const fields = { conditionRules: ConditionRulesField };

/** A problem's message without the "Step "x": field:" lead-in, which the field it sits on says already. */
function fieldMessage(message: string, field: string): string {
  const marker = `: ${field}: `;
  const at = message.indexOf(marker);
  return at === -1 ? message : message.slice(at + marker.length);
}

/** Problems with a config field, where the form shows them: `sla.minutes` → that field. */
export function problemsToErrorSchema(problems: readonly GraphProblemView[]): ErrorSchema<Config> {
  const root: Record<string, unknown> = {};
  for (const problem of problems) {
    if (!problem.field) continue;
    let at = root;
    for (const part of problem.field.split('.')) {
      at[part] ??= {};
      at = at[part] as Record<string, unknown>;
    }
    const errors = (at['__errors'] ??= []) as string[];
    errors.push(fieldMessage(problem.message, problem.field));
  }
  return root as ErrorSchema<Config>;
}

interface NodeConfigFormProps {
  nodeId: string;
  description: NodeTypeDescriptionView;
  config: Config;
  /** This node's problems; those about a field are shown on it. */
  problems: readonly GraphProblemView[];
  references: FlowReferences['options'];
  readOnly?: boolean;
  onChange(config: Config): void;
  /** The form itself (tests read its state through it). */
  formRef?: Ref<Form<Config>>;
}

/** A node's settings as a form generated from its type's JSON Schema; every edit applies at once. */
export function NodeConfigForm({
  nodeId,
  description,
  config,
  problems,
  references,
  readOnly = false,
  onChange,
  formRef,
}: NodeConfigFormProps) {
  const schema = useMemo(() => toFormSchema(description.configJsonSchema), [description]);
  const uiSchema = useMemo(() => toUiSchema(schema), [schema]);
  const extraErrors = useMemo(() => problemsToErrorSchema(problems), [problems]);
  const formContext = useMemo<NodeFormContext>(() => ({ references }), [references]);
  return (
    <Form<Config>
      ref={formRef}
      className="node-config-form"
      idPrefix={`node-${nodeId}`}
      schema={schema}
      uiSchema={uiSchema}
      formData={config}
      validator={validator}
      widgets={widgets}
      fields={fields}
      formContext={formContext}
      extraErrors={extraErrors}
      showErrorList={false}
      noHtml5Validate
      readonly={readOnly}
      onChange={(event) => {
        const next = (event.formData ?? {}) as Config;
        if (!sameNodeConfig(description.type, next, config)) onChange(next);
      }}
    />
  );
}
