namespace Ipt.Protocol.Fhir;

/// <summary>
/// The URIs this package writes: the library's own code systems and extensions (fixed, the same for
/// every host, so that any two hosts read each other's resources) and the external systems it uses
/// (LOINC, UCUM, HL7 terminology). docs/fhir.md lists every code and where it comes from.
/// </summary>
/// <remarks>
/// <para>The library's URIs are identifiers under <see cref="Base"/>; they name concepts of the
/// course document format (docs/json-format.md), whose codes are the document's enum values.</para>
/// <para>Canonical URLs of definitions (PlanDefinition, Questionnaire) are the host's choice instead:
/// see <see cref="IptFhirOptions.CanonicalBase"/>.</para>
/// </remarks>
public static class IptFhirUris
{
    /// <summary>The base of the library's code systems and extensions.</summary>
    public const string Base = "https://ipt-protocol.github.io/fhir";

    /// <summary>The base of the library's code systems: <c>{Base}/CodeSystem/</c>.</summary>
    public const string CodeSystemBase = Base + "/CodeSystem/";

    /// <summary>The base of the library's extensions: <c>{Base}/StructureDefinition/</c>.</summary>
    public const string ExtensionBase = Base + "/StructureDefinition/";

    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>UCUM, for durations and ages.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>HL7 v3 ActCode (encounter class AMB, VR).</summary>
    public const string V3ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /// <summary>HL7 v3 ParticipationMode (how a session reached the patient: FACE, VIDEOCONF, PHONE; in <c>Encounter.type</c>).</summary>
    public const string V3ParticipationMode = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";

    /// <summary>HL7 v3 ParticipationType (an encounter participant's part: PPRF, SPRF, PART).</summary>
    public const string V3ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /// <summary>HL7 appointment cancellation reason (pat, prov), in the encounter-reasonCancelled extension.</summary>
    public const string AppointmentCancellationReason = "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason";

    /// <summary>The HL7 encounter-reasonCancelled extension (why a cancelled Encounter was cancelled).</summary>
    public const string EncounterReasonCancelled = "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled";

    /// <summary>HL7 v3 RoleCode (relationship of a related person).</summary>
    public const string V3RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

    /// <summary>HL7 observation category (survey).</summary>
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>HL7 plan definition type (clinical-protocol).</summary>
    public const string PlanDefinitionType = "http://terminology.hl7.org/CodeSystem/plan-definition-type";

    /// <summary>HL7 goal achievement status (achieved, in-progress).</summary>
    public const string GoalAchievement = "http://terminology.hl7.org/CodeSystem/goal-achievement";

    /// <summary>HL7 data absent reason (masked, unknown), as code system.</summary>
    public const string DataAbsentReasonSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    /// <summary>The HL7 data-absent-reason extension.</summary>
    public const string DataAbsentReason = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    /// <summary>The HL7 ordinalValue extension (the score of a coded answer).</summary>
    public const string OrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    /// <summary>The base of the library's identifier systems: <c>{Base}/identifier/</c>.</summary>
    public const string IdentifierBase = Base + "/identifier/";

    /// <summary>Identifier systems of the library, for opaque ids used in logical references (never names).</summary>
    public static class Identifiers
    {
        /// <summary>Clinicians (therapists, co-therapists) by their opaque id: <c>Reference.identifier</c> of a participant or author.</summary>
        public const string Clinician = IdentifierBase + "clinician";

        /// <summary>People of the interpersonal inventory by their person id: <c>Reference.identifier</c> of an attendee.</summary>
        public const string Person = IdentifierBase + "person";

        /// <summary>Therapy groups by their opaque id: <c>Group.identifier</c>.</summary>
        public const string Group = IdentifierBase + "group";
    }

    /// <summary>Code systems of the library: <c>{CodeSystemBase}{name}</c>.</summary>
    public static class CodeSystems
    {
        /// <summary>Phases (<c>Phase</c>): preTreatment, initial, middle, termination, maintenance.</summary>
        public const string Phase = CodeSystemBase + "phase";

        /// <summary>Session formats (<c>SessionFormat</c>).</summary>
        public const string SessionFormat = CodeSystemBase + "session-format";

        /// <summary>What became of a session (<c>SessionStatus</c>).</summary>
        public const string SessionStatus = CodeSystemBase + "session-status";

        /// <summary>Protocol tasks (<c>SessionTask</c>).</summary>
        public const string SessionTask = CodeSystemBase + "session-task";

        /// <summary>Techniques: the catalogue's technique ids (built-in or host-defined).</summary>
        public const string Technique = CodeSystemBase + "technique";

        /// <summary>Instruments: instrument ids (built-in or host-defined); in <c>Observation.code</c> the instrument's total.</summary>
        public const string Instrument = CodeSystemBase + "instrument";

        /// <summary>Problem areas (<c>ProblemArea</c>).</summary>
        public const string ProblemArea = CodeSystemBase + "problem-area";

        /// <summary>Role-dispute stages (<c>RoleDisputeStage</c>).</summary>
        public const string DisputeStage = CodeSystemBase + "dispute-stage";

        /// <summary>Focus ranks (<c>FocusRank</c>).</summary>
        public const string FocusRank = CodeSystemBase + "focus-rank";

        /// <summary>Relationships to the patient (<c>Relationship</c>).</summary>
        public const string Relationship = CodeSystemBase + "relationship";

        /// <summary>Contact frequencies (<c>ContactFrequency</c>).</summary>
        public const string ContactFrequency = CodeSystemBase + "contact-frequency";

        /// <summary>Kinds of support (<c>SupportKind</c>).</summary>
        public const string SupportKind = CodeSystemBase + "support-kind";

        /// <summary>Care settings (<c>CareSetting</c>).</summary>
        public const string CareSetting = CodeSystemBase + "care-setting";

        /// <summary>Emotions of the diary (<c>Emotion</c>).</summary>
        public const string Emotion = CodeSystemBase + "emotion";

        /// <summary>Variant requirements (<c>ProtocolRequirement</c>).</summary>
        public const string ProtocolRequirement = CodeSystemBase + "protocol-requirement";

        /// <summary>Why a course ended early (<c>EndReason</c>).</summary>
        public const string EndReason = CodeSystemBase + "end-reason";

        /// <summary>When an assessment outside the sessions was taken (<c>AssessmentOccasion</c>).</summary>
        public const string AssessmentOccasion = CodeSystemBase + "assessment-occasion";

        /// <summary>Kinds of life events (<c>LifeEventKind</c>).</summary>
        public const string LifeEventKind = CodeSystemBase + "life-event-kind";

        /// <summary>Validation rules: rule ids such as <c>IPT0404</c> (built-in or host-defined).</summary>
        public const string Rule = CodeSystemBase + "rule";
    }

    /// <summary>Extensions of the library: <c>{ExtensionBase}{name}</c>. Complex extensions name their parts like the course document's members.</summary>
    public static class Extensions
    {
        /// <summary>CarePlan: the patient's age at the start of the course (valueAge).</summary>
        public const string PatientAge = ExtensionBase + "patient-age";

        /// <summary>CarePlan: the care setting (valueCoding).</summary>
        public const string CareSetting = ExtensionBase + "care-setting";

        /// <summary>CarePlan: the treatment contract (complex: sessions, frequency, sessionLength, startDate, agreedAtSession).</summary>
        public const string Contract = ExtensionBase + "contract";

        /// <summary>CarePlan: one renegotiation of the contract, in order (complex).</summary>
        public const string Renegotiation = ExtensionBase + "renegotiation";

        /// <summary>CarePlan: the interpersonal formulation (complex: area, chosenAtSession, presentedAtSession, agreed, agreedAtSession, agreedOn, notes).</summary>
        public const string Formulation = ExtensionBase + "formulation";

        /// <summary>CarePlan: the sick role (complex: grantedAtSession, limited).</summary>
        public const string SickRole = ExtensionBase + "sick-role";

        /// <summary>CarePlan: the number of rings of the closeness circle (valuePositiveInt).</summary>
        public const string ClosenessCircleRings = ExtensionBase + "closeness-circle-rings";

        /// <summary>CarePlan: one between-session diary entry, in order (complex).</summary>
        public const string DiaryEntry = ExtensionBase + "diary-entry";

        /// <summary>CarePlan: one dated life event, in order (complex: kind, date, person, notes).</summary>
        public const string LifeEvent = ExtensionBase + "life-event";

        /// <summary>CarePlan: one supervision of the course, in order (complex: date, supervisor, session, notes).</summary>
        public const string Supervision = ExtensionBase + "supervision";

        /// <summary>CarePlan: one assessment outside the sessions, in order (complex: occasion, date, measure as valueReference to its resources).</summary>
        public const string Assessment = ExtensionBase + "assessment";

        /// <summary>EpisodeOfCare: why the course ended early (valueCoding).</summary>
        public const string EndReason = ExtensionBase + "end-reason";

        /// <summary>EpisodeOfCare: the date the record describes (valueDate).</summary>
        public const string AsOf = ExtensionBase + "as-of";

        /// <summary>Encounter: the number of the missed or cancelled session a make-up session replaces (valuePositiveInt).</summary>
        public const string Replaces = ExtensionBase + "replaces";

        /// <summary>Encounter: who was present at a group session (complex: membersPresent, member).</summary>
        public const string GroupAttendance = ExtensionBase + "group-attendance";

        /// <summary>Encounter: the session number (valuePositiveInt).</summary>
        public const string SessionNumber = ExtensionBase + "session-number";

        /// <summary>Encounter: a protocol task done in the session (valueCoding), in order.</summary>
        public const string SessionTask = ExtensionBase + "session-task";

        /// <summary>Encounter: a technique used in the session (valueCoding), in order.</summary>
        public const string Technique = ExtensionBase + "technique";

        /// <summary>Goal, RelatedPerson: the goal's or person's id within the course (valueString).</summary>
        public const string LocalId = ExtensionBase + "local-id";

        /// <summary>Goal: the session at which the goal was set (valuePositiveInt).</summary>
        public const string SetAtSession = ExtensionBase + "set-at-session";

        /// <summary>Goal: one step, in order (complex: description, done, doneAtSession).</summary>
        public const string GoalStep = ExtensionBase + "goal-step";

        /// <summary>RelatedPerson: the person's place in the interpersonal inventory (complex, the inventory person's members).</summary>
        public const string InventoryEntry = ExtensionBase + "inventory-entry";
    }
}
