using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using NodaTime;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>
/// One case per rule: a canonical course broken in one place (the rule fires there, with its
/// default severity) and the same fragment corrected (the rule is silent).
/// </summary>
internal sealed record RuleCase(
    string Id,
    ProtocolDefinition Protocol,
    Func<Course, Course> Break,
    Func<Course, Course> Fix,
    string Path,
    DiagnosticSeverity Severity)
{
    /// <summary>Gets the path the rule fires at, as diagnostics print it (<c>$.contract.sessions</c>; the cases give it without the root).</summary>
    public string Path { get; init; } = Path.Length == 0 ? "$" : Path.StartsWith('$') ? Path : "$." + Path;
}

internal static class RuleCases
{
    private static readonly InstrumentId Phq9 = BuiltInInstruments.Phq9.Id;

    public static IReadOnlyDictionary<string, RuleCase> All { get; } = Build().ToDictionary(c => c.Key, c => c.Value);

    public static Session Without(this Session s, SessionTask task) => s with { Tasks = ValueList.From(s.Tasks.Where(t => t != task)) };

    public static Session Without(this Session s, string technique) => s with { Techniques = ValueList.From(s.Techniques.Where(t => t.Value != technique)) };

    public static Course Edit(this Course c, int number, Func<Session, Session> change) => c.WithSession(number, change);

    public static Course EditFormulation(this Course c, Func<Formulation, Formulation> change) => c with { Formulation = change(c.Formulation!) };

    public static Course EditContract(this Course c, Func<Contract, Contract> change) => c with { Contract = change(c.Contract!) };

    public static Course EditAll(this Course c, Func<Session, Session> change) => c with { Sessions = ValueList.From(c.Sessions.Select(change)) };

    private static IEnumerable<KeyValuePair<string, RuleCase>> Build()
    {
        var std = BuiltInProtocols.Standard;
        var e = DiagnosticSeverity.Error;
        var w = DiagnosticSeverity.Warning;
        var i = DiagnosticSeverity.Info;
        static KeyValuePair<string, RuleCase> Case(string key, RuleCase c) => new(key, c);
        static FocusArea Dispute() => new(ProblemArea.RoleDispute) { DisputeStage = RoleDisputeStage.Impasse, Persons = [SampleCourses.P("p1")] };

        // Structure
        yield return Case("IPT0101", new("IPT0101", std, c => c.EditContract(k => k with { Sessions = 20 }), c => c.EditContract(k => k with { Sessions = 16 }), "contract.sessions", e));
        yield return Case("IPT0101-renegotiated", new("IPT0101", std, c => c.PlusRenegotiation(new Renegotiation { AtSession = 6, Sessions = 10 }), c => c with { Renegotiations = [new Renegotiation { AtSession = 6, Sessions = 16 }] }, "renegotiations[0].sessions", e));
        yield return Case("IPT0102", new("IPT0102", std, c => c with { Sessions = c.Sessions.SetItem(4, c.Sessions[4] with { Number = 4 }) }, c => c with { Sessions = c.Sessions.SetItem(4, c.Sessions[4] with { Number = 5 }) }, "sessions[4].number", e));
        yield return Case("IPT0103", new("IPT0103", std, c => c with { Sessions = c.Sessions.RemoveAt(7) }, Renumber, "sessions", e));
        yield return Case("IPT0104", new("IPT0104", std, c => SwapDates(c, 6, 7), c => SwapDates(c, 6, 7), "sessions[6].date", e));
        yield return Case("IPT0105", new("IPT0105", std, c => Shift(c, 9, 14), c => Shift(Shift(c, 9, -14), 9, 7), "sessions[8].date", w));
        yield return Case("IPT0106", new("IPT0106", std, c => c.Edit(6, s => s with { Length = Duration.FromMinutes(20) }), c => c.Edit(6, s => s with { Length = Duration.FromMinutes(50) }), "sessions[5].length", w));
        yield return Case("IPT0107", new("IPT0107", std, Plus17, c => c.PlusRenegotiation(new Renegotiation { AtSession = 15, Sessions = 17 }), "sessions", e));
        yield return Case("IPT0108", new("IPT0108", std, c => c.EditContract(k => k with { StartDate = SampleCourses.Start.PlusWeeks(-4) }), c => c.EditContract(k => k with { StartDate = SampleCourses.Start }), "sessions[14].date", w));
        yield return Case("IPT0109", new("IPT0109", std, c => c.Edit(6, s => new Session(6, s.Phase) { Date = s.Date, Status = SessionStatus.Missed }), c => c.PlusSession(new Session(17, Phase.Termination) { Date = c.Sessions[^1].Date!.Value.PlusDays(3), Status = SessionStatus.Held, Replaces = 6 }), "sessions", i));
        yield return Case("IPT0110", new("IPT0110", std, c => c.Edit(7, s => s with { Replaces = 6 }), c => c.Edit(6, s => s with { Status = SessionStatus.Missed }), "sessions[6].replaces", e));
        yield return Case("IPT0111", new("IPT0111", std, c => c with { Lifecycle = new CourseLifecycle(CourseStatus.Completed) { EndReason = EndReason.LostToContact } }, c => c with { Lifecycle = c.Lifecycle! with { Status = CourseStatus.EndedEarly } }, "lifecycle.endReason", e));
        yield return Case("IPT0112", new("IPT0112", std, c => c with { Lifecycle = new CourseLifecycle(CourseStatus.Active) { AsOf = c.Sessions[9].Date } }, c => c with { Lifecycle = c.Lifecycle! with { AsOf = c.Sessions[^1].Date } }, "sessions[10].date", e));
        yield return Case("IPT0113", new("IPT0113", std, c => c with { Diary = [c.Diary[0] with { Persons = [SampleCourses.P("p9")] }] }, c => c with { Diary = [c.Diary[0] with { Persons = [SampleCourses.P("p1")] }] }, "diary[0].persons[0]", e));

        yield return Case("IPT0114", new("IPT0114", BuiltInProtocols.Brief, c => Shift(Shift(c, 4, -3), 5, -6), c => Shift(Shift(c, 4, 3), 5, 6), "sessions[4].date", i));
        yield return Case("IPT0114-middle", new("IPT0114", std, c => Shift(Shift(c, 5, -3), 6, -6), c => Shift(Shift(c, 5, 3), 6, 6), "sessions[5].date", i));
        yield return Case("IPT0115", new("IPT0115", std, c => c.Edit(6, s => s with { Format = SessionFormat.Couple }), c => c.Edit(6, s => s with { Format = SessionFormat.Individual, Delivery = DeliveryMode.Telephone }), "sessions[5].format", w));

        // Phases
        yield return Case("IPT0201", new("IPT0201", std, c => c.Edit(10, s => s with { Phase = Phase.Initial }), c => c.Edit(10, s => s with { Phase = Phase.Middle }), "sessions[9].phase", e));
        yield return Case("IPT0202", new("IPT0202", std, c => c.Edit(4, s => s with { Phase = Phase.Initial }).Edit(5, s => s with { Phase = Phase.Initial }), c => c.Edit(5, s => s with { Phase = Phase.Middle }), "sessions[4].phase", w));
        yield return Case("IPT0202-brief", new("IPT0202", BuiltInProtocols.Brief, c => c.Edit(3, s => s with { Phase = Phase.Initial }), c => c.Edit(3, s => s with { Phase = Phase.Middle }), "sessions[2].phase", w));
        yield return Case("IPT0203", new("IPT0203", BuiltInProtocols.VeryBrief, c => c.Edit(2, s => s with { Phase = Phase.Termination }), c => c.Edit(2, s => s with { Phase = Phase.Middle }), "sessions", e));
        yield return Case("IPT0204", new("IPT0204", std, c => c.Edit(14, s => s with { Phase = Phase.Middle }).Edit(15, s => s with { Phase = Phase.Middle }), c => c.Edit(15, s => s with { Phase = Phase.Termination }), "sessions", e));
        yield return Case("IPT0205", new("IPT0205", std, c => c.Edit(14, s => s with { Phase = Phase.Middle }).Edit(15, s => s with { Phase = Phase.Middle }), c => c.Edit(15, s => s with { Phase = Phase.Termination }), "sessions[14].phase", w));

        // Initial tasks
        yield return Case("IPT0301", new("IPT0301", std, c => c.Edit(1, s => s with { Measures = [] }), c => c.Edit(1, s => s.PlusMeasure(SampleCourses.Scored(BuiltInInstruments.Phq9, 18))), "sessions[0].measures", w));
        yield return Case("IPT0302", new("IPT0302", std, c => c with { Inventory = InterpersonalInventory.Empty }, c => c with { Inventory = SampleCourses.Standard.Inventory }, "inventory.persons", e));
        yield return Case("IPT0303", new("IPT0303", std, c => c.EditFormulation(f => f with { Areas = [] }), c => c.EditFormulation(f => f.PlusArea(Dispute())), "formulation.areas", e));
        yield return Case("IPT0304", new("IPT0304", std, c => c.EditFormulation(f => f with { Agreed = false, AgreedAtSession = null }), c => c.EditFormulation(f => f.AgreedAt(3)), "formulation.agreed", e));
        yield return Case("IPT0304-late", new("IPT0304", std, c => c.EditFormulation(f => f.AgreedAt(5)), c => c.EditFormulation(f => f.AgreedAt(3)), "formulation.agreedAtSession", e));
        yield return Case("IPT0305", new("IPT0305", std, c => c with { SickRole = new SickRole { GrantedAtSession = 5 } }, c => c with { SickRole = new SickRole { GrantedAtSession = 1 } }, "sickRole.grantedAtSession", w));
        yield return Case("IPT0306", new("IPT0306", std, c => c.Edit(1, s => s.Without(SessionTask.Psychoeducation)), c => c.Edit(2, s => s.PlusTask(SessionTask.Psychoeducation)), "sessions", w));
        yield return Case("IPT0307", new("IPT0307", std, c => c.EditContract(k => k with { AgreedAtSession = 6 }), c => c.EditContract(k => k with { AgreedAtSession = 3 }), "contract.agreedAtSession", w));
        yield return Case("IPT0308", new("IPT0308", std, c => c.Edit(1, s => s.Without(SessionTask.MedicationAssessment)), c => c.Edit(2, s => s.PlusTask(SessionTask.MedicationAssessment)), "sessions", i));
        yield return Case("IPT0309", new("IPT0309", std, c => c.Edit(1, s => s.Without(SessionTask.RiskReview)), c => c.Edit(1, s => s.PlusTask(SessionTask.RiskReview)), "sessions[0].tasks", w));

        yield return Case("IPT0310", new("IPT0310", std, c => c.EditAll(s => s.Without(SessionTask.InterpersonalInventory).Without("interpersonal-inventory")).Edit(6, s => s.PlusTask(SessionTask.InterpersonalInventory)), c => c.Edit(2, s => s.PlusTask(SessionTask.InterpersonalInventory)), "sessions[5].tasks", w));
        yield return Case("IPT0310-technique", new("IPT0310", std, c => c.EditAll(s => s.Without(SessionTask.InterpersonalInventory).Without("interpersonal-inventory")).Edit(5, s => s.PlusTechnique(SampleCourses.T("interpersonal-inventory"))), c => c.Edit(1, s => s.PlusTechnique(SampleCourses.T("interpersonal-inventory"))), "sessions[4].techniques", w));
        yield return Case("IPT0311", new("IPT0311", std, c => c.Edit(1, s => s.Without(SessionTask.Diagnosis)), c => c.Edit(2, s => s.PlusTask(SessionTask.Diagnosis)), "sessions", w));
        yield return Case("IPT0312", new("IPT0312", std, c => c.EditAll(s => s.Without(SessionTask.SymptomLinking)), c => c.Edit(3, s => s.PlusTask(SessionTask.SymptomLinking)), "sessions", w));

        // Focus
        yield return Case("IPT0401", new("IPT0401", std, c => c.EditFormulation(f => f.PlusArea(new(ProblemArea.RoleTransition, FocusRank.Secondary)).PlusArea(new(ProblemArea.Grief, FocusRank.Secondary))), c => c.EditFormulation(f => f with { Areas = f.Areas.RemoveAt(2) }), "formulation.areas[2]", e));
        yield return Case("IPT0402", new("IPT0402", std, c => c.EditFormulation(f => f with { Areas = [Dispute() with { Rank = FocusRank.Secondary }] }), c => c.EditFormulation(f => f with { Areas = [Dispute()] }), "formulation.areas", e));
        yield return Case("IPT0402-two", new("IPT0402", std, c => c.EditFormulation(f => f.PlusArea(new(ProblemArea.RoleTransition))), c => c.EditFormulation(f => f with { Areas = f.Areas.SetItem(1, new(ProblemArea.RoleTransition, FocusRank.Secondary)) }), "formulation.areas[1].rank", e));
        yield return Case("IPT0403", new("IPT0403", std, c => c.EditFormulation(f => f.PlusArea(new(ProblemArea.InterpersonalDeficits, FocusRank.Secondary))), c => c.EditFormulation(f => f with { Areas = f.Areas.SetItem(1, new(ProblemArea.RoleTransition, FocusRank.Secondary)) }), "formulation.areas[1].area", w));
        yield return Case("IPT0404", new("IPT0404", std, c => c.EditFormulation(f => f with { Areas = [Dispute() with { DisputeStage = null }] }), c => c.EditFormulation(f => f with { Areas = [Dispute()] }), "formulation.areas[0].disputeStage", e));
        yield return Case("IPT0405", new("IPT0405", std, c => c.EditFormulation(f => f with { Areas = [new(ProblemArea.Grief) { Persons = [SampleCourses.P("p1")] }] }), c => c with { Inventory = c.Inventory.WithPerson(c.Inventory.Persons[0] with { Deceased = true }) }, "formulation.areas[0].area", w));
        yield return Case("IPT0406", new("IPT0406", std, c => c.EditFormulation(f => f with { ChosenAtSession = 6 }), c => c.PlusRenegotiation(new Renegotiation { AtSession = 6 }), "formulation.chosenAtSession", w));
        yield return Case("IPT0408", new("IPT0408", std, c => c.EditFormulation(f => f with { Areas = [new(ProblemArea.LostHealthySelf)] }), c => c.EditFormulation(f => f with { Areas = [Dispute()] }), "formulation.areas[0].area", w));
        yield return Case("IPT0407", new("IPT0407", std, c => (c with { Onset = SampleCourses.Start.PlusDays(-30) }).PlusLifeEvent(new LifeEvent(LifeEventKind.JobLoss, SampleCourses.Start.PlusDays(-60))).EditFormulation(f => f.PlusArea(new(ProblemArea.InterpersonalDeficits, FocusRank.Secondary))), c => c with { LifeEvents = [c.LifeEvents[0] with { Kind = LifeEventKind.Other }] }, "formulation.areas[1].area", w));

        // Techniques (validated with the test catalogue)
        yield return Case("IPT0501", new("IPT0501", std, c => c.Edit(8, s => s.PlusTechnique(SampleCourses.T("sick-role"))), c => c.Edit(8, s => s.Without("sick-role")).Edit(2, s => s.PlusTechnique(SampleCourses.T("sick-role"))), "sessions[7].techniques[5]", w));
        yield return Case("IPT0502", new("IPT0502", std, c => c.Edit(8, s => s.PlusTechnique(SampleCourses.T("made-up-technique"))), c => c.Edit(8, s => s.Without("made-up-technique").PlusTechnique(SampleCourses.T("guided-mourning"))), "sessions[7].techniques[5]", e));
        yield return Case("IPT0503", new("IPT0503", std, c => c.Edit(8, s => s.PlusTechnique(SampleCourses.T("dream-interpretation"))), c => c.Edit(8, s => s.Without("dream-interpretation").PlusTechnique(SampleCourses.T("guided-mourning"))), "sessions[7].techniques[5]", w));
        yield return Case("IPT0504", new("IPT0504", std, c => c.Edit(6, s => s.Without(SessionTask.IntervalReview).Without("interval-review")), c => c.Edit(6, s => s.PlusTask(SessionTask.IntervalReview)), "sessions[5].tasks", i));
        yield return Case("IPT0505", new("IPT0505", std, c => c.EditAll(s => s.Without("role-play").Without("nonreciprocal-expectations")), c => c.Edit(8, s => s.PlusTechnique(SampleCourses.T("role-play"))), "formulation.areas[0]", w));

        yield return Case("IPT0506", new("IPT0506", std, c => c.EditAll(s => s.Number is >= 4 and <= 11 ? s.Without("nonreciprocal-expectations").Without("role-play") : s), c => c.EditAll(s => s.Number is >= 4 and <= 7 ? s.PlusTechnique(SampleCourses.T("role-play")) : s), "sessions", w));
        yield return Case("IPT0507", new("IPT0507", std, c => MoveEnding(c.EditAll(s => s.Without(SessionTask.TimeLimitReminder)), 14), c => c.Edit(8, s => s.PlusTask(SessionTask.TimeLimitReminder)), "sessions", i));

        // Termination
        yield return Case("IPT0601", new("IPT0601", std, c => MoveEnding(c, 15), c => MoveEnding(c, 14), "sessions[13].tasks", e));
        yield return Case("IPT0602", new("IPT0602", std, c => MoveEnding(c, 14), c => MoveEnding(c, 12), "sessions[11].tasks", i));
        yield return Case("IPT0603", new("IPT0603", std, c => c.Edit(14, s => s.Without(SessionTask.ProgressReview)), c => c.Edit(15, s => s.PlusTask(SessionTask.ProgressReview)), "sessions", w));
        yield return Case("IPT0604", new("IPT0604", std, c => c.Edit(16, s => s.Without(SessionTask.RelapsePreventionPlan)), c => c.Edit(15, s => s.PlusTask(SessionTask.RelapsePreventionPlan)), "sessions", w));
        yield return Case("IPT0605", new("IPT0605", std, c => c.Edit(16, s => s.Without(SessionTask.ContinuationDiscussed)), c => c.Edit(15, s => s.PlusTask(SessionTask.ContinuationDiscussed)), "sessions", w));
        yield return Case("IPT0606", new("IPT0606", std, c => c.Edit(16, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 15)] }), c => c.Edit(16, s => s.PlusTask(SessionTask.AlternativeTreatmentDiscussed)), "sessions[15].measures[0]", w));
        yield return Case("IPT0606-remission", PerinatalRemission());
        yield return Case("IPT0608", new("IPT0608", std, c => c.EditAll(s => s.Without(SessionTask.FeelingsAboutEnding)), c => c.Edit(15, s => s.PlusTask(SessionTask.FeelingsAboutEnding)), "sessions", w));
        yield return Case("IPT0607", new("IPT0607", std, c => c with { Lifecycle = new CourseLifecycle(CourseStatus.EndedEarly) { EndReason = EndReason.Transferred } }, c => c with { Lifecycle = new CourseLifecycle(CourseStatus.Completed) }, "lifecycle.status", w));

        // Measures and safety
        yield return Case("IPT0701", new("IPT0701", std, c => c.Edit(5, s => s with { Measures = [new Measurement(Phq9, 30)] }), c => c.Edit(5, s => s with { Measures = [new Measurement(Phq9, 12)] }), "sessions[4].measures[0].total", e));
        yield return Case("IPT0702", new("IPT0702", std, c => c.Edit(5, s => s with { Measures = [new Measurement(Phq9, 12, SampleCourses.Scored(BuiltInInstruments.Phq9, 10).Items)] }), c => c.Edit(5, s => s with { Measures = [new Measurement(Phq9, 10, SampleCourses.Scored(BuiltInInstruments.Phq9, 10).Items)] }), "sessions[4].measures[0].total", e));
        yield return Case("IPT0703", new("IPT0703", std, c => c.Edit(5, s => s with { Measures = [] }), c => c.Edit(5, s => s.PlusMeasure(new Measurement(Phq9, 12))), "sessions[4].measures", w));
        yield return Case("IPT0704", new("IPT0704", std, c => c.Edit(5, s => s with { Measures = [new Measurement(Phq9, 11, [3, 3, 3, 1, 0, 0, 0, 0, 1])] }), c => c.Edit(5, s => s.PlusTask(SessionTask.RiskReview)), "sessions[4].measures[0].items[8]", e));
        yield return Case("IPT0705", new("IPT0705", std, c => c.Edit(5, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 18)] }), c => c.Edit(6, s => s.PlusTask(SessionTask.PlanReview)), "sessions[4].measures[0]", w));
        yield return Case("IPT0706", new("IPT0706", std, c => c.Edit(5, s => s.PlusMeasure(new Measurement(InstrumentId.From("phq-8"), 10))), c => c.Edit(5, s => s with { Measures = [s.Measures[0]] }), "sessions[4].measures[1].instrument", e));
        yield return Case("IPT0707", new("IPT0707", std, c => c.Edit(5, s => s with { Measures = [new Measurement(Phq9, 14)] }), c => c.Edit(5, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 14)] }), "sessions[4].measures[0]", w));
        yield return Case("IPT0708", new("IPT0708", std, c => c.Edit(9, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 19)] }), c => c.Edit(9, s => s.PlusTask(SessionTask.PlanReview)), "sessions[8].measures[0]", e));
        yield return Case("IPT0710", new("IPT0710", BuiltInProtocols.SocialRhythm, c => c.Edit(6, s => s with { Measures = [new Measurement(BuiltInInstruments.Srm5.Id, 4)] }), c => c.Edit(6, s => s with { Measures = [Measurement.OfMean(BuiltInInstruments.Srm5.Id, 4m)] }), "sessions[5].measures[0].total", e));
        yield return Case("IPT0709", new("IPT0709", std, c => c.Edit(16, s => s with { Measures = [] }), c => c.Edit(16, s => s.PlusMeasure(SampleCourses.Scored(BuiltInInstruments.Phq9, 4))), "sessions[15].measures", w));

        // Variant-specific
        yield return Case("IPT0801", new("IPT0801", BuiltInProtocols.Adolescent, c => c.Edit(1, s => s.Without(SessionTask.CaregiverInvolvement) with { Format = SessionFormat.Individual }), c => c.Edit(2, s => s.PlusTask(SessionTask.CaregiverInvolvement)), "sessions", w));
        yield return Case("IPT0802", new("IPT0802", BuiltInProtocols.Adolescent, c => c with { PatientAge = 25 }, c => c with { PatientAge = 17 }, "patientAge", w));
        yield return Case("IPT0803", new("IPT0803", BuiltInProtocols.WhoGroup, c => c.Edit(1, s => s with { Status = SessionStatus.Missed }), c => c.Edit(1, s => s with { Status = SessionStatus.Held }), "sessions[1]", e));
        yield return Case("IPT0804", new("IPT0804", BuiltInProtocols.SocialRhythm, c => c.Edit(6, s => s with { Measures = ValueList.From(s.Measures.Where(m => m.Instrument != BuiltInInstruments.Srm5.Id)) }), c => c.Edit(6, s => s.PlusMeasure(Measurement.OfMean(BuiltInInstruments.Srm17.Id, 5.4m))), "sessions[5].measures", w));
        yield return Case("IPT0805", new("IPT0805", BuiltInProtocols.Adolescent, c => c with { SickRole = c.SickRole! with { Limited = false } }, c => c with { SickRole = c.SickRole! with { Limited = true } }, "sickRole.limited", w));
        yield return Case("IPT0806", new("IPT0806", BuiltInProtocols.Maintenance, c => c.Edit(1, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 18)] }), c => c.Edit(1, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 6)] }), "sessions[0].measures[0]", w));
        yield return Case("IPT0807", new("IPT0807", BuiltInProtocols.VeryBrief, c => c.Edit(3, s => s.Without(SessionTask.ContinuationDiscussed) with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 12)] }), c => c.Edit(3, s => s.PlusTask(SessionTask.AlternativeTreatmentDiscussed)), "sessions[2].tasks", w));
        yield return Case("IPT0808", new("IPT0808", BuiltInProtocols.BingeEatingGroup, c => WithoutMeeting(c, 12), c => c.Edit(12, s => s with { Status = SessionStatus.Held }), "sessions", w));
        yield return Case("IPT0809", new("IPT0809", BuiltInProtocols.BingeEatingGroup, c => WithoutMeeting(c, 23), c => c.Edit(23, s => s with { Status = SessionStatus.Missed }), "sessions", w));
        yield return Case("IPT0810", new("IPT0810", BuiltInProtocols.WhoGroup, c => c with { Therapist = ClinicianId.From("t1") }, c => c.PlusSupervision(new SupervisionRecord(SampleCourses.Start.PlusWeeks(4), ClinicianId.From("s2"))), "supervision", i));
        yield return Case("IPT0811", new("IPT0811", BuiltInProtocols.WhoGroup, c => c with { Group = new CourseGroup(GroupId.From("g1")) { MembersAtStart = 14 } }, c => c with { Group = c.Group! with { MembersAtStart = 8 } }, "group.membersAtStart", i));
        yield return Case("IPT0811-present", new("IPT0811", BuiltInProtocols.WhoGroup, c => c.Edit(4, s => s with { Group = new SessionGroup { MembersPresent = 12 } }), c => c.Edit(4, s => s with { Group = new SessionGroup { MembersPresent = 4 } }), "sessions[3].group.membersPresent", i));
        yield return Case("IPT0812", new("IPT0812", BuiltInProtocols.Adolescent, c => (c with { Inventory = new InterpersonalInventory(c.Inventory.Persons.Select(p => p with { Ring = null })) }).EditAll(s => s.Without(SessionTask.ClosenessCircle).Without("closeness-circle")), c => c.Edit(2, s => s.PlusTask(SessionTask.ClosenessCircle)), "inventory.persons", w));
        yield return Case("IPT0804-initial", new("IPT0804", BuiltInProtocols.SocialRhythm, c => c.Edit(3, s => s with { Measures = ValueList.From(s.Measures.Where(m => m.Instrument != BuiltInInstruments.Srm5.Id)) }), c => c.Edit(3, s => s.PlusMeasure(new Measurement(BuiltInInstruments.Srm5.Id, 3))), "sessions[2].measures", w));
    }

    /// <summary>Perinatal IPT, EPDS 15 → 11 (not a response, not in remission) is reported; 15 → 8 ends in remission (below 10), a 47 % fall: silent.</summary>
    private static RuleCase PerinatalRemission()
    {
        var perinatal = BuiltInProtocols.Perinatal;
        var first = perinatal.PreTreatmentSessions.Default + 1;
        var last = perinatal.PreTreatmentSessions.Default + perinatal.Sessions.Default;
        return new(
            "IPT0606",
            perinatal,
            c => c.Edit(first, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Epds, 15)] }).Edit(last, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Epds, 11)] }),
            c => c.Edit(last, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Epds, 8)] }),
            $"sessions[{last - 1}].measures[0]",
            DiagnosticSeverity.Warning);
    }

    /// <summary>An individual meeting of group IPT cancelled by the service: not offered to the member.</summary>
    private static Course WithoutMeeting(Course c, int number) => c.Edit(number, s => s with { Status = SessionStatus.CancelledByService });

    private static Course Renumber(Course c) => c with { Sessions = ValueList.From(c.Sessions.Select((s, k) => s with { Number = k + 1 })) };

    private static Course SwapDates(Course c, int a, int b)
    {
        var da = c.Sessions[a - 1].Date;
        var db = c.Sessions[b - 1].Date;
        return c.Edit(a, s => s with { Date = db }).Edit(b, s => s with { Date = da });
    }

    private static Course Shift(Course c, int from, int days) =>
        c.EditAll(s => s.Number >= from ? s with { Date = s.Date!.Value.PlusDays(days) } : s);

    private static Course Plus17(Course c)
    {
        var last = c.Sessions[^1];
        return c.PlusSession(new Session(17, Phase.Termination) { Date = last.Date!.Value.PlusWeeks(1), Length = last.Length, Status = SessionStatus.Held });
    }

    private static Course MoveEnding(Course c, int to) =>
        c.EditAll(s => s.Without(SessionTask.EndingRaised)).Edit(to, s => s.PlusTask(SessionTask.EndingRaised));
}
