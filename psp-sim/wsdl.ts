/** PSP-B's WSDL (SOAP 1.1, document/literal), generated from the same field lists the engine checks. */
import { OPTIONAL, REQUIRED, type Submission } from './core/engine';
import { PSP_B_NS, SOAP_OPERATIONS } from './psp-b';

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const READ_FIELDS: Record<string, string[]> = {
  GetRequestStatus: ['TrackingCode'],
  GetTerminal: ['TerminalId'],
  GetDailyTransactions: ['TerminalId', 'Date'],
};

function requestFields(name: string): { name: string; optional: boolean }[] {
  const read = READ_FIELDS[name];
  if (read) return read.map((n) => ({ name: n, optional: false }));
  const op = SOAP_OPERATIONS[name] as Submission;
  return [
    { name: 'RequestId', optional: false },
    ...REQUIRED[op].map((f) => ({ name: pascal(f), optional: false })),
    ...(OPTIONAL[op] ?? []).map((f) => ({ name: pascal(f), optional: true })),
  ];
}

export function pspBWsdl(serviceUrl: string): string {
  const names = Object.keys(SOAP_OPERATIONS);
  const seq = (fs: { name: string; optional: boolean }[]): string =>
    fs.map((f) => `<xs:element name="${f.name}" type="xs:string"${f.optional ? ' minOccurs="0"' : ''}/>`).join('');
  const types = names
    .map(
      (n) =>
        `<xs:element name="${n}"><xs:complexType><xs:sequence>${seq(requestFields(n))}</xs:sequence></xs:complexType></xs:element>` +
        `<xs:element name="${n}Response"><xs:complexType><xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:complexType></xs:element>`,
    )
    .join('');
  const messages = names
    .map(
      (n) =>
        `<wsdl:message name="${n}In"><wsdl:part name="parameters" element="tns:${n}"/></wsdl:message>` +
        `<wsdl:message name="${n}Out"><wsdl:part name="parameters" element="tns:${n}Response"/></wsdl:message>`,
    )
    .join('');
  const portOps = names
    .map(
      (n) =>
        `<wsdl:operation name="${n}"><wsdl:input message="tns:${n}In"/><wsdl:output message="tns:${n}Out"/><wsdl:fault name="PspFault" message="tns:PspFault"/></wsdl:operation>`,
    )
    .join('');
  const bindingOps = names
    .map(
      (n) =>
        `<wsdl:operation name="${n}"><soap:operation soapAction="${PSP_B_NS}#${n}" style="document"/>` +
        `<wsdl:input><soap:body use="literal"/><soap:header message="tns:SecurityHeader" part="Security" use="literal"/></wsdl:input>` +
        `<wsdl:output><soap:body use="literal"/></wsdl:output><wsdl:fault name="PspFault"><soap:fault name="PspFault" use="literal"/></wsdl:fault></wsdl:operation>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions name="PspBTerminalService" targetNamespace="${PSP_B_NS}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${PSP_B_NS}" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
<wsdl:types><xs:schema targetNamespace="${PSP_B_NS}" elementFormDefault="qualified">${types}<xs:element name="PspError"><xs:complexType><xs:sequence><xs:element name="Code" type="xs:string"/><xs:element name="Message" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>
<xs:schema targetNamespace="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" elementFormDefault="qualified"><xs:element name="Security"><xs:complexType><xs:sequence><xs:element name="UsernameToken"><xs:complexType><xs:sequence><xs:element name="Username" type="xs:string"/><xs:element name="Password" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:schema></wsdl:types>
<wsdl:message name="SecurityHeader"><wsdl:part name="Security" element="wsse:Security"/></wsdl:message>
<wsdl:message name="PspFault"><wsdl:part name="detail" element="tns:PspError"/></wsdl:message>
${messages}
<wsdl:portType name="PspBTerminalPort">${portOps}</wsdl:portType>
<wsdl:binding name="PspBTerminalBinding" type="tns:PspBTerminalPort"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOps}</wsdl:binding>
<wsdl:service name="PspBTerminalService"><wsdl:port name="PspBTerminalPort" binding="tns:PspBTerminalBinding"><soap:address location="${serviceUrl}"/></wsdl:port></wsdl:service>
</wsdl:definitions>
`;
}
