import type { PanelOptionsEditorBuilder } from '@grafana/data';
import type { IncidentOptions } from './incidentChoice';

/** The incident option the RCA and actions panels share: the newest open incident, or a named one. */
export function addIncidentOptions<T extends IncidentOptions>(builder: PanelOptionsEditorBuilder<T>) {
  return builder
    .addRadio({
      path: 'incident',
      name: 'Incident',
      defaultValue: 'latest',
      settings: {
        options: [
          { value: 'latest', label: 'Latest open incident' },
          { value: 'id', label: 'By id' },
        ],
      },
    })
    .addTextInput({
      path: 'incidentId',
      name: 'Incident id',
      description: 'The incident to show ($variables allowed), as GET /api/v1/incidents lists it.',
      defaultValue: '',
      showIf: (options) => options.incident === 'id',
    });
}
