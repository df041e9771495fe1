/** How plans and errors name resources, the same way everywhere (text, JSON, apply progress). */

/** `group iris-classifier` */
export function groupAddress(group: string): string {
  return `group ${group}`;
}

/** `version iris-classifier/2024-11-01` */
export function versionAddress(group: string, id: string): string {
  return `version ${group}/${id}`;
}
