// Generated from Schemas/ by scripts/embed-resources.py. Do not edit: edit Schemas/ and run the script
// (`make test` fails while the two differ).

/// The schemas of the native capture formats, compiled in so `waymark schema` needs no files at run time.
public enum CaptureSchemas {
    /// `Schemas/capture.schema.json` (JSON Schema 2020-12).
    public static let jsonSchema = ####"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://waymark.dev/schemas/capture-1.schema.json",
  "title": "Waymark capture, format version 1",
  "description": "One recorded process (or an array of them) in Waymark's native JSON format. The XML format (capture.xsd) carries exactly the same model.",
  "oneOf": [
    {"$ref": "#/$defs/capture"},
    {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/capture"}}
  ],
  "$defs": {
    "capture": {
      "type": "object",
      "required": ["waymark", "id", "title", "steps"],
      "additionalProperties": false,
      "properties": {
        "waymark": {"description": "Format version.", "const": 1},
        "id": {"$ref": "#/$defs/id"},
        "title": {"type": "string"},
        "application": {"type": "string"},
        "owner": {"description": "Who keeps the material current (an email address is best).", "type": "string"},
        "audience": {"type": "string"},
        "purpose": {"type": "string"},
        "objectives": {"type": "array", "items": {"type": "string"}},
        "prerequisites": {"type": "array", "items": {"type": "string"}},
        "reviewBy": {"$ref": "#/$defs/date"},
        "recordedAt": {"type": "string"},
        "recordedBy": {"type": "string"},
        "language": {"description": "BCP 47 language tag; en when absent.", "type": "string"},
        "masteryScore": {"description": "Share of knowledge-check answers (per cent) a learner needs to pass in SCORM and cmi5 packages; waymark.yml mastery_score, else 80, when absent.", "type": "integer", "minimum": 0, "maximum": 100},
        "origin": {"$ref": "#/$defs/origin"},
        "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}}
      }
    },
    "id": {
      "description": "Stable slug: 1-120 of a-z, 0-9 and hyphens, not starting or ending with a hyphen.",
      "type": "string",
      "pattern": "^[a-z0-9]([a-z0-9-]{0,118}[a-z0-9])?$"
    },
    "date": {
      "description": "A calendar date, YYYY-MM-DD (February 29 only in leap years; Waymark checks that).",
      "type": "string",
      "format": "date",
      "pattern": "^[0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-9]))$"
    },
    "origin": {
      "description": "The original recording this capture was converted from.",
      "type": "object",
      "required": ["format", "path"],
      "additionalProperties": false,
      "properties": {
        "format": {"enum": ["waymark-json", "waymark-xml", "chrome-recorder", "selenium-ide", "steps-recorder", "selenese-html", "uivision"]},
        "path": {"type": "string"}
      }
    },
    "step": {
      "type": "object",
      "required": ["action"],
      "additionalProperties": false,
      "properties": {
        "action": {
          "enum": ["navigate", "click", "doubleClick", "rightClick", "hover", "type", "press", "select", "check",
                   "uncheck", "scroll", "drag", "upload", "wait", "assert", "switchContext", "note", "custom"]
        },
        "target": {"$ref": "#/$defs/target"},
        "value": {"type": "string"},
        "sensitive": {"description": "When true, value is a secret and never appears in any output.", "type": "boolean"},
        "key": {"type": "string"},
        "modifiers": {"type": "array", "items": {"enum": ["ctrl", "alt", "shift", "meta"]}},
        "url": {"type": "string"},
        "destination": {"$ref": "#/$defs/target"},
        "screenshot": {"$ref": "#/$defs/screenshot"},
        "note": {"type": "string"},
        "time": {"type": "string"},
        "instruction": {"description": "A writer's own sentence that replaces the generated instruction.", "type": "string"},
        "customType": {"type": "string"},
        "id": {"type": "string"}
      }
    },
    "target": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "label": {"type": "string"},
        "labelSource": {
          "description": "Where a label nobody wrote came from: human text in a selector, words made from an identifier (a guess), or the running application (waymark replay). Absent when a person or the recorder gave the label.",
          "enum": ["selector", "identifier", "application"]
        },
        "role": {"type": "string"},
        "selectors": {"type": "array", "items": {"type": "string"}},
        "context": {"type": "string"}
      }
    },
    "screenshot": {
      "type": "object",
      "required": ["path"],
      "additionalProperties": false,
      "properties": {
        "path": {
          "description": "Relative to the capture file's folder; not absolute, no URL, never leaving the folder.",
          "type": "string",
          "minLength": 1,
          "not": {"pattern": "^[/\\\\~]|^[^/\\\\]*:|(^|[/\\\\])\\.\\.([/\\\\]|$)|[\\u0000-\\u001f\\u007f]"}
        },
        "highlight": {"$ref": "#/$defs/rect"},
        "width": {"type": "integer", "minimum": 1},
        "height": {"type": "integer", "minimum": 1}
      }
    },
    "rect": {
      "description": "Highlight rectangle in image pixels from the top-left corner.",
      "type": "object",
      "required": ["x", "y", "width", "height"],
      "additionalProperties": false,
      "properties": {
        "x": {"type": "integer"},
        "y": {"type": "integer"},
        "width": {"type": "integer", "minimum": 0},
        "height": {"type": "integer", "minimum": 0}
      }
    }
  }
}

"""####

    /// `Schemas/capture.xsd` (XML Schema 1.0).
    public static let xsd = ####"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Waymark capture, format version 1: one recorded process in Waymark's native XML format, or several under
  <captures>. The JSON format (capture.schema.json) carries exactly the same model. Element order inside an
  element is free (xs:all); Waymark writes them in the order listed here.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">

  <xs:element name="capture" type="CaptureType"/>

  <xs:element name="captures">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="capture" type="CaptureType" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <xs:complexType name="CaptureType">
    <xs:all>
      <xs:element name="title" type="xs:string"/>
      <xs:element name="application" type="xs:string" minOccurs="0"/>
      <xs:element name="owner" type="xs:string" minOccurs="0"/>
      <xs:element name="audience" type="xs:string" minOccurs="0"/>
      <xs:element name="purpose" type="xs:string" minOccurs="0"/>
      <xs:element name="objectives" minOccurs="0">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="objective" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="prerequisites" minOccurs="0">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="prerequisite" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="reviewBy" type="CalendarDateType" minOccurs="0"/>
      <xs:element name="recordedAt" type="xs:string" minOccurs="0"/>
      <xs:element name="recordedBy" type="xs:string" minOccurs="0"/>
      <xs:element name="language" type="xs:string" minOccurs="0"/>
      <xs:element name="masteryScore" type="MasteryScoreType" minOccurs="0"/>
      <xs:element name="origin" type="OriginType" minOccurs="0"/>
      <xs:element name="steps">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="step" type="StepType" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:all>
    <xs:attribute name="version" type="xs:positiveInteger" use="required" fixed="1"/>
    <xs:attribute name="id" type="CaptureIDType" use="required"/>
  </xs:complexType>

  <xs:simpleType name="MasteryScoreType">
    <xs:annotation><xs:documentation>Share of knowledge-check answers (per cent) a learner needs to pass in SCORM and cmi5 packages.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:integer">
      <xs:minInclusive value="0"/>
      <xs:maxInclusive value="100"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="CaptureIDType">
    <xs:annotation><xs:documentation>Stable slug: 1-120 of a-z, 0-9 and hyphens, not starting or ending with a hyphen.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string">
      <xs:pattern value="[a-z0-9]([a-z0-9\-]{0,118}[a-z0-9])?"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="CalendarDateType">
    <xs:annotation><xs:documentation>A calendar date, YYYY-MM-DD, without time zone.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:date">
      <xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:complexType name="OriginType">
    <xs:attribute name="format" use="required">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="waymark-json"/>
          <xs:enumeration value="waymark-xml"/>
          <xs:enumeration value="chrome-recorder"/>
          <xs:enumeration value="selenium-ide"/>
          <xs:enumeration value="steps-recorder"/>
          <xs:enumeration value="selenese-html"/>
          <xs:enumeration value="uivision"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
    <xs:attribute name="path" type="xs:string" use="required"/>
  </xs:complexType>

  <xs:complexType name="StepType">
    <xs:all>
      <xs:element name="target" type="TargetType" minOccurs="0"/>
      <xs:element name="value" type="xs:string" minOccurs="0"/>
      <xs:element name="key" type="xs:string" minOccurs="0"/>
      <xs:element name="url" type="xs:string" minOccurs="0"/>
      <xs:element name="destination" type="TargetType" minOccurs="0"/>
      <xs:element name="screenshot" type="ScreenshotType" minOccurs="0"/>
      <xs:element name="note" type="xs:string" minOccurs="0"/>
      <xs:element name="time" type="xs:string" minOccurs="0"/>
      <xs:element name="instruction" type="xs:string" minOccurs="0"/>
      <xs:element name="customType" type="xs:string" minOccurs="0"/>
    </xs:all>
    <xs:attribute name="action" type="ActionType" use="required"/>
    <xs:attribute name="id" type="xs:string"/>
    <xs:attribute name="sensitive" type="xs:boolean"/>
    <xs:attribute name="modifiers" type="ModifierListType"/>
  </xs:complexType>

  <xs:simpleType name="ActionType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="navigate"/>
      <xs:enumeration value="click"/>
      <xs:enumeration value="doubleClick"/>
      <xs:enumeration value="rightClick"/>
      <xs:enumeration value="hover"/>
      <xs:enumeration value="type"/>
      <xs:enumeration value="press"/>
      <xs:enumeration value="select"/>
      <xs:enumeration value="check"/>
      <xs:enumeration value="uncheck"/>
      <xs:enumeration value="scroll"/>
      <xs:enumeration value="drag"/>
      <xs:enumeration value="upload"/>
      <xs:enumeration value="wait"/>
      <xs:enumeration value="assert"/>
      <xs:enumeration value="switchContext"/>
      <xs:enumeration value="note"/>
      <xs:enumeration value="custom"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="ModifierListType">
    <xs:list>
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="ctrl"/>
          <xs:enumeration value="alt"/>
          <xs:enumeration value="shift"/>
          <xs:enumeration value="meta"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:list>
  </xs:simpleType>

  <xs:complexType name="TargetType">
    <xs:all>
      <xs:element name="label" type="xs:string" minOccurs="0"/>
      <xs:element name="labelSource" minOccurs="0">
        <xs:simpleType>
          <xs:restriction base="xs:string">
            <xs:enumeration value="selector"/>
            <xs:enumeration value="identifier"/>
            <xs:enumeration value="application"/>
          </xs:restriction>
        </xs:simpleType>
      </xs:element>
      <xs:element name="role" type="xs:string" minOccurs="0"/>
      <xs:element name="selectors" minOccurs="0">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="selector" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="context" type="xs:string" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="ScreenshotType">
    <xs:all>
      <xs:element name="highlight" type="RectType" minOccurs="0"/>
    </xs:all>
    <xs:attribute name="path" type="ScreenshotPathType" use="required"/>
    <xs:attribute name="width" type="xs:positiveInteger"/>
    <xs:attribute name="height" type="xs:positiveInteger"/>
  </xs:complexType>

  <xs:simpleType name="ScreenshotPathType">
    <xs:annotation><xs:documentation>Relative to the capture file's folder: not absolute, no URL scheme or drive, no '..' segment.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string">
      <xs:pattern value="([^./\\:~&#9;&#10;&#13;&#x7F;][^/\\:&#9;&#10;&#13;&#x7F;]*|\.([^./\\:&#9;&#10;&#13;&#x7F;][^/\\:&#9;&#10;&#13;&#x7F;]*)?|\.\.[^/\\:&#9;&#10;&#13;&#x7F;]+)([/\\]([^./\\&#9;&#10;&#13;&#x7F;][^/\\&#9;&#10;&#13;&#x7F;]*|\.([^./\\&#9;&#10;&#13;&#x7F;][^/\\&#9;&#10;&#13;&#x7F;]*)?|\.\.[^/\\&#9;&#10;&#13;&#x7F;]+)?)*"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:complexType name="RectType">
    <xs:annotation><xs:documentation>Highlight rectangle in image pixels from the top-left corner.</xs:documentation></xs:annotation>
    <xs:attribute name="x" type="xs:integer" use="required"/>
    <xs:attribute name="y" type="xs:integer" use="required"/>
    <xs:attribute name="width" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="height" type="xs:nonNegativeInteger" use="required"/>
  </xs:complexType>
</xs:schema>

"""####
}
