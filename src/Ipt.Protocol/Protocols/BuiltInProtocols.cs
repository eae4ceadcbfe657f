using NodaTime;

namespace Ipt.Protocol.Protocols;

/// <summary>
/// The eleven protocol variants of the domain reference (section 3), each with its citation.
/// Numbers are defaults: hosts override them by deriving their own definition
/// (<c>BuiltInProtocols.Standard with { … }</c>) and registering it.
/// </summary>
public static class BuiltInProtocols
{
    private static readonly Period Weekly = Period.FromWeeks(1);
    private static readonly DurationRange StandardLength = DurationRange.Minutes(45, 50, 50);

    /// <summary>Gets standard IPT for depression (<c>ipt</c>): 12–16 weekly sessions of 45–50 minutes. [WMK, ISIPT, MARK] (H)</summary>
    public static ProtocolDefinition Standard { get; } = new()
    {
        Id = ProtocolId.From("ipt"),
        Name = "Standard IPT for depression",
        Summary = "Individual IPT over 12–16 weekly sessions in three phases; termination discussed at least 2 sessions before the end.",
        Sessions = new(12, 16, 16),
        InitialSessions = new(1, 3, 4),
        TerminationSessions = new(2, 3, 4),
        Cadence = Weekly,
        MaxGapDays = 14,
        SessionLength = StandardLength,
        Requirements = [ProtocolRequirement.TwiceWeeklyEarlyAllowed],
        Citation = new(Confidence.High, "WMK", "ISIPT", "MARK"),
        ParameterNotes = "Termination is 'the last 2–4 sessions'; the default of 3 is the middle of that range. Measurement every 4 sessions follows IPTI; NHS Talking Therapies measure every session (set measurementIntervalSessions to 1).",
    };

    /// <summary>Gets brief IPT (<c>ipt-b</c>): 8 weekly sessions, optionally after one engagement session. [SWARTZ] (H)</summary>
    public static ProtocolDefinition Brief { get; } = new()
    {
        Id = ProtocolId.From("ipt-b"),
        Name = "Brief IPT (IPT-B)",
        Summary = "Eight weekly sessions (initial 1–2, middle 3–6, termination 7–8), optionally preceded by one engagement session; a manageable focus.",
        Sessions = CountRange.Exactly(8),
        PreTreatmentSessions = new(0, 0, 1),
        InitialSessions = new(1, 2, 2),
        TerminationSessions = CountRange.Exactly(2),
        Cadence = Weekly,
        MaxGapDays = 14,
        SessionLength = StandardLength,
        Citation = new(Confidence.High, "SWARTZ"),
        ParameterNotes = "A 'manageable' problem area, building on the patient's strengths, is chosen as the focus (H); no rule judges it: how manageable a problem is, is a clinical judgement a record cannot show, so it is not a requirement of the definition.",
    };

    /// <summary>Gets IPT for adolescents (<c>ipt-a</c>): 12 weekly sessions, ages 12–18, caregiver involvement. [MUFSON] (H/M)</summary>
    public static ProtocolDefinition Adolescent { get; } = new()
    {
        Id = ProtocolId.From("ipt-a"),
        Name = "IPT for depressed adolescents (IPT-A)",
        Summary = "Twelve weekly sessions (initial 1–4, middle 5–8, termination 9–12) for ages 12–18; limited sick role, closeness circle, parent or caregiver in the initial phase.",
        Sessions = new(12, 12, 16),
        InitialSessions = new(1, 4, 4),
        TerminationSessions = new(2, 4, 4),
        Cadence = Weekly,
        MaxGapDays = 14,
        SessionLength = StandardLength,
        AllowedFormats = [SessionFormat.Joint],
        PatientAge = new IntRange(12, 18),
        Requirements = [ProtocolRequirement.CaregiverInInitialPhase, ProtocolRequirement.LimitedSickRole, ProtocolRequirement.ClosenessCircle],
        Citation = new(Confidence.Medium, "MUFSON"),
        ParameterNotes = "Session length is not given by the domain reference: the standard IPT length is used (L). Joint sessions carry the caregiver's part in the initial phase, optionally the middle (a dispute with a parent) and termination.",
    };

    /// <summary>Gets WHO group IPT (<c>ipt-g-who</c>): pre-group meeting(s) and 8 weekly group sessions of about 90 minutes. [WHO] (H/L)</summary>
    public static ProtocolDefinition WhoGroup { get; } = new()
    {
        Id = ProtocolId.From("ipt-g-who"),
        Name = "WHO Group IPT for depression",
        Summary = "Individual pre-group meeting(s), then 8 weekly group sessions (initial 1, middle 2–7, termination 8) facilitated by trained, supervised non-specialists.",
        Sessions = CountRange.Exactly(8),
        PreTreatmentSessions = new(1, 1, 2),
        InitialSessions = CountRange.Exactly(1),
        TerminationSessions = CountRange.Exactly(1),
        Cadence = Weekly,
        MaxGapDays = 14,
        SessionLength = DurationRange.Minutes(60, 90, 120),
        Format = SessionFormat.Group,
        GroupSize = new IntRange(6, 10),
        InitialTasksInPreTreatment = true,
        MeasurementIntervalSessions = 1,
        Requirements = [ProtocolRequirement.PreGroupMeeting, ProtocolRequirement.NonSpecialistDelivery],
        Citation = new(Confidence.Medium, "WHO", "WHOPILOT21"),
        ParameterNotes = "The 8 group sessions and their delivery by trained, supervised non-specialists are H (WHO). The split (initial 1, middle 2–7, termination 8) and a review of each member's symptoms at every group session are M (WHOPILOT21, a pilot implementing the WHO manual), hence a measure at every group session; the manual uses a locally adapted symptom checklist, so PHQ-9 is a default (M). Group size and session length are L.",
    };

    /// <summary>Gets group IPT for binge-eating (<c>ipt-g</c>): 20 group sessions with individual meetings before, at mid-treatment and after. [WILFLEY] (H)</summary>
    public static ProtocolDefinition BingeEatingGroup { get; } = new()
    {
        Id = ProtocolId.From("ipt-g"),
        Name = "Group IPT for binge-eating disorder",
        Summary = "Twenty weekly group sessions (initial 1–5, middle 6–15, termination 16–20) with individual meetings before, at mid-treatment (between 10 and 11) and after; co-therapists.",
        Sessions = CountRange.Exactly(20),
        PreTreatmentSessions = CountRange.Exactly(1),
        InitialSessions = CountRange.Exactly(5),
        TerminationSessions = CountRange.Exactly(5),
        Cadence = Weekly,
        MaxGapDays = 14,
        SessionLength = DurationRange.Minutes(60, 90, 120),
        Format = SessionFormat.Group,
        AllowedFormats = [SessionFormat.Individual],
        GroupSize = new IntRange(6, 12),
        InitialTasksInPreTreatment = true,
        PrimaryInstrument = BuiltInInstruments.EdeQBingeDays.Id,
        Requirements = [ProtocolRequirement.PreGroupMeeting, ProtocolRequirement.MidTreatmentIndividualMeeting, ProtocolRequirement.PostTreatmentIndividualMeeting],
        Citation = new(Confidence.High, "WILFLEY"),
        ParameterNotes = "The primary outcome is binge eating, not depression: Wilfley's trial judged binge-eating recovery, abstinence from objective binge episodes over 28 days (H), so the primary instrument is EDE-Q binge days (item 15, days with a binge episode in the past 28; none is remission), measured every 4 sessions to match its 28-day window (L); the EDE-Q global score (a mean 0–6) is built in too. Group size (about 9) and session length are L. The mid-treatment and post-treatment individual meetings are recorded as Individual-format sessions; the pre-group meeting is the pre-treatment session.",
    };

    /// <summary>Gets interpersonal counselling (<c>ipc</c>): 3–6 weekly sessions, first up to 45 minutes, later about 30. [IPC] (H/M)</summary>
    public static ProtocolDefinition Counselling { get; } = new()
    {
        Id = ProtocolId.From("ipc"),
        Name = "Interpersonal counselling (IPC)",
        Summary = "Three to six weekly sessions (initial 1, middle 2 to n−1, termination the last) delivered by nurses or primary-care staff.",
        Sessions = new(3, 6, 6),
        InitialSessions = CountRange.Exactly(1),
        TerminationSessions = CountRange.Exactly(1),
        Cadence = Weekly,
        MaxGapDays = 14,
        SessionLength = DurationRange.Minutes(25, 30, 35),
        FirstSessionLength = DurationRange.Minutes(30, 45, 45),
        EndingNoticeSessions = 1,
        EarlyEndingNoticeSessions = 2,
        Requirements = [ProtocolRequirement.NonSpecialistDelivery],
        Citation = new(Confidence.Medium, "IPC"),
        ParameterNotes = "The session count is H; lengths are M. With 3–6 sessions the ending is expected by N−1 (L).",
    };

    /// <summary>Gets perinatal and postpartum IPT (<c>ipt-perinatal</c>): 12 weekly 60-minute sessions (up to 16 antenatally), EPDS screening, telephone delivery allowed. [OHARA, DENNIS, SPINELLI03] (H)</summary>
    public static ProtocolDefinition Perinatal { get; } = new()
    {
        Id = ProtocolId.From("ipt-perinatal"),
        Name = "Perinatal and postpartum IPT",
        Summary = "Twelve weekly sessions of about 60 minutes (initial 1–3, middle 4–10, termination 11–12; antenatal IPT up to 16), screened with the EPDS; a telephone variant delivers 12 calls within 12–16 weeks.",
        Sessions = new(12, 12, 16),
        InitialSessions = CountRange.Exactly(3),
        TerminationSessions = CountRange.Exactly(2),
        Cadence = Weekly,
        MaxGapDays = 14,
        SessionLength = DurationRange.Minutes(45, 60, 60),
        AllowedDelivery = [DeliveryMode.InPerson, DeliveryMode.Telephone],
        PrimaryInstrument = BuiltInInstruments.Epds.Id,
        Citation = new(Confidence.High, "OHARA", "DENNIS", "SPINELLI03"),
        ParameterNotes = "Twelve weekly sessions: O'Hara's postpartum trial ran 12 weeks and Dennis' telephone trial 12 weekly 60-minute sessions by nurses, within 12–16 weeks (H); antenatal IPT ran 16 weeks (Spinelli & Endicott 2003: H), so a contract of up to 16 sessions is accepted. Sessions last 60 minutes in Dennis' trial (H); O'Hara's session length is not verified, so down to 45 minutes, the standard IPT minimum, is accepted (L).",
    };

    /// <summary>
    /// Gets interpersonal and social rhythm therapy (<c>ipsrt</c>): about 20 weekly acute sessions
    /// with the Social Rhythm Metric from the initial phase and a fifth problem area, then a
    /// preventive (maintenance) phase tapering to sessions every two weeks, then monthly. [FRANK]
    /// (H: weekly 45–60 minutes, about 20 acute weeks, then maintenance; M: the four stages, the
    /// fifth area, the metric's start; L: the taper's counts and gaps)
    /// </summary>
    public static ProtocolDefinition SocialRhythm { get; } = new()
    {
        Id = ProtocolId.From("ipsrt"),
        Name = "Interpersonal and social rhythm therapy (IPSRT) for bipolar disorder",
        Summary = "About 20 weekly sessions of 45–60 minutes (initial, middle), then a preventive (maintenance) phase tapering to every two weeks and then monthly, and termination; the Social Rhythm Metric (SRM-5 or SRM-17) is reviewed at each session from the initial phase; a fifth problem area, grief for the lost healthy self; mania is tracked too.",
        Sessions = new(16, 26, 54),
        InitialSessions = new(1, 4, 4),
        MaintenanceSessions = new(0, 6, 30),
        TerminationSessions = new(2, 4, 4),
        Cadence = Weekly,
        MaxGapDays = 14,
        CadenceSteps = [new(Phase.Maintenance, Period.FromWeeks(2), 28), new(Phase.Maintenance, Period.FromMonths(1), 45, fromSessionOfPhase: 5)],
        SessionLength = DurationRange.Minutes(45, 50, 60),
        ProblemAreas = [ProblemArea.Grief, ProblemArea.RoleDispute, ProblemArea.RoleTransition, ProblemArea.InterpersonalDeficits, ProblemArea.LostHealthySelf],
        SocialRhythmMetricFrom = Phase.Initial,
        Requirements = [ProtocolRequirement.SocialRhythmMetric],
        Citation = new(Confidence.High, "FRANK"),
        ParameterNotes = "Weekly 45–60-minute sessions over an acute phase of about 20 weeks, then an option of maintenance treatment, are H (ipsrt.org); the four stages (initial, intermediate, preventive or maintenance, final) are M. The 16–24 acute range and the termination length of 4 are L. The preventive phase is optional (a contract of the acute sessions only has none); its default of 6 sessions (4 every two weeks, then monthly: about four months, as the continuation taper of FRANK90, M), its maximum of 30 (about two years monthly), the 28- and 45-day gaps and monthly termination sessions after it are L. Grief for the lost healthy self as a fifth problem area and the Social Rhythm Metric from the initial phase (a history of rhythms and episodes) are M: Frank 2005 as summarised by secondary sources (ipsrt.org names the intermediate stage for the weekly metric; set socialRhythmMetricFrom to middle for that reading). Mania is tracked too: ASRM and YMRS are built-in instruments, but the sources do not say which one IPSRT uses, so the primary instrument stays PHQ-9 and a host records its mania measure beside it.",
    };

    /// <summary>Gets maintenance IPT (<c>ipt-m</c>): monthly sessions for up to about three years after a responded acute course. [FRANK90, FRANK07] (H)</summary>
    public static ProtocolDefinition Maintenance { get; } = new()
    {
        Id = ProtocolId.From("ipt-m"),
        Name = "Maintenance IPT (IPT-M)",
        Summary = "Open-ended monthly sessions, up to about three years, following a responded acute course; every session is in the maintenance phase.",
        Sessions = new(1, 12, 36),
        InitialSessions = CountRange.Exactly(0),
        TerminationSessions = CountRange.Exactly(0),
        CorePhase = Phase.Maintenance,
        Cadence = Period.FromMonths(1),
        MaxGapDays = 45,
        SessionLength = StandardLength,
        MeasurementIntervalSessions = 1,
        EndingNoticeSessions = 0,
        EarlyEndingNoticeSessions = 0,
        Requirements = [ProtocolRequirement.FollowsAcuteCourse],
        Citation = new(Confidence.High, "FRANK90", "FRANK07"),
        ParameterNotes = "Monthly for up to 36 sessions is H; the default of 12, the 45-day gap, the session length and measuring at every session are L. Continuation may taper weekly to monthly over about 4 months: define a host variant for that.",
    };

    /// <summary>Gets very brief IPT (<c>ipt-brief-3</c>): 3 weekly sessions of evaluation, support and triage. [IPTEST, SEEDS] (H)</summary>
    public static ProtocolDefinition VeryBrief { get; } = new()
    {
        Id = ProtocolId.From("ipt-brief-3"),
        Name = "Very brief IPT (IPT-EST)",
        Summary = "Three weekly sessions (initial 1, middle 2, termination 3): evaluation, support and triage.",
        Sessions = CountRange.Exactly(3),
        InitialSessions = CountRange.Exactly(1),
        TerminationSessions = CountRange.Exactly(1),
        Cadence = Weekly,
        MaxGapDays = 14,
        SessionLength = StandardLength,
        EndingNoticeSessions = 1,
        EarlyEndingNoticeSessions = 2,
        Requirements = [ProtocolRequirement.Triage],
        Citation = new(Confidence.High, "IPTEST", "SEEDS"),
        ParameterNotes = "Session length and the ending notice (by N−1) are L.",
    };

    /// <summary>Gets long-term IPT (<c>ipt-long</c>): weekly sessions over six months to a year. [SEEDS] (M)</summary>
    public static ProtocolDefinition LongTerm { get; } = new()
    {
        Id = ProtocolId.From("ipt-long"),
        Name = "Long-term IPT",
        Summary = "Weekly sessions over six months to a year (26–52 sessions): initial 1–4, termination the last 4.",
        Sessions = new(26, 26, 52),
        InitialSessions = new(1, 4, 4),
        TerminationSessions = CountRange.Exactly(4),
        Cadence = Weekly,
        MaxGapDays = 14,
        SessionLength = StandardLength,
        Citation = new(Confidence.Medium, "SEEDS"),
        ParameterNotes = "Six months to a year of weekly sessions is read as 26–52 sessions; the session length is L.",
    };

    /// <summary>Gets every built-in variant, in the order of the domain reference.</summary>
    public static ValueList<ProtocolDefinition> All { get; } =
        [Standard, Brief, Adolescent, WhoGroup, BingeEatingGroup, Counselling, Perinatal, SocialRhythm, Maintenance, VeryBrief, LongTerm];
}
