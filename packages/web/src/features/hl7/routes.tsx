import type { NavEntry, RouteDef } from '../../route-types';
import { InterfacesPage } from './InterfacesPage';
import { MessageDetailPage } from './MessageDetailPage';
import { MessagesPage } from './MessagesPage';
import { QualityPage } from './QualityPage';
import { SeveritiesPage } from './SeveritiesPage';

/** HL7 exchange: the message log and error queue, a message with its answer, the interfaces (DPH registers them). */
export const hl7Routes: RouteDef[] = [
  { path: '/hl7/messages', title: 'HL7 message log', access: { permission: 'hl7:log' }, component: MessagesPage },
  { path: '/hl7/messages/:id', title: 'HL7 message', access: { permission: 'hl7:log' }, component: MessageDetailPage },
  { path: '/hl7/interfaces', title: 'HL7 interfaces', access: { permission: 'hl7:log' }, component: InterfacesPage },
  { path: '/hl7/quality', title: 'HL7 data quality', access: { permission: 'hl7:log' }, component: QualityPage },
  { path: '/hl7/severities', title: 'HL7 data-quality rules', access: { permission: 'hl7:log' }, component: SeveritiesPage },
];

export const hl7Nav: NavEntry[] = [{ module: 'reports', label: 'HL7 exchange', path: '/hl7/messages', permission: 'hl7:log' }];
