using Ipt.Protocol.Protocols;
using Ipt.Protocol.Scheduling;
using NodaTime;

namespace Ipt.Protocol.Samples;

/// <summary>
/// Builders of canonical, correctly run courses for each built-in variant: every session held on
/// the cadence, every phase task in its phase, measures at the protocol's interval. Shared by the
/// tests, the benchmarks and the sample documents under docs/examples.
/// </summary>
internal static class SampleCourses
{
    /// <summary>The first session date of every sample course (a Monday).</summary>
    public static readonly LocalDate Start = new(2026, 1, 5);

    /// <summary>Gets a canonical course for every built-in variant, by protocol id.</summary>
    public static IReadOnlyDictionary<ProtocolId, Course> All { get; } =
        BuiltInProtocols.All.ToDictionary(p => p.Id, p => Canonical(p));

    /// <summary>Gets the canonical standard IPT course (16 sessions, role dispute at impasse).</summary>
    public static Course Standard => All[BuiltInProtocols.Standard.Id];

    /// <summary>
    /// Courses with one typical mistake each, by name, with the rule id each one triggers. Used as
    /// sample documents (CLI, docs) and in the rule tests.
    /// </summary>
    public static IReadOnlyList<SampleMistake> Mistakes { get; } = BuildMistakes();

    /// <summary>
    /// Real records rather than ideal courses, by name: fetched mid-course, with a missed session and a
    /// make-up, a group's pre-group meeting, a dropout, a group with members present. Each lists the
    /// rule ids it triggers (none for a well-run record). Shipped under docs/examples/records.
    /// </summary>
    public static IReadOnlyList<SampleRecord> Records { get; } = BuildRecords();

    public static TechniqueId T(string id) => TechniqueId.From(id);

    public static PersonId P(string id) => PersonId.From(id);

    /// <summary>PHQ-9 (or any 0–3 instrument) items that sum to <paramref name="total"/>, with the safety item at 0.</summary>
    public static Measurement Scored(Instrument instrument, int total)
    {
        if (instrument.ItemCount is not { } count || instrument.ItemMax is not { } max)
        {
            return new Measurement(instrument.Id, total);
        }

        var items = new int[count];
        var left = total;
        for (var i = 0; i < count && left > 0; i++)
        {
            if (instrument.SafetyItem == i + 1)
            {
                continue;
            }

            items[i] = Math.Min(max, left);
            left -= items[i];
        }

        return new Measurement(instrument.Id, total, items);
    }

    /// <summary>Builds the canonical course of a protocol with its default counts.</summary>
    public static Course Canonical(ProtocolDefinition protocol, LocalDate? start = null)
    {
        var planned = SchedulePlanner.Plan(protocol, start ?? Start);
        var pre = protocol.PreTreatmentSessions.Default;
        var n = protocol.Sessions.Default;
        var last = pre + n;
        var firstTreatment = pre + 1;
        var lastInitial = pre + protocol.InitialSessions.Default;
        var instrument = InstrumentRegistry.BuiltIn.TryGet(protocol.PrimaryInstrument, out var known) ? known : BuiltInInstruments.Phq9;
        var endingAt = protocol.TerminationSessions.Default == 0
            ? 0
            : Math.Max(firstTreatment, last - Math.Min(protocol.EarlyEndingNoticeSessions, n - 1));

        var sessions = new List<Session>(planned.Count);
        var measuredAt = 0;
        foreach (var plannedSession in planned)
        {
            var s = plannedSession with { Status = SessionStatus.Held };
            var k = s.Number;
            var tasks = new List<SessionTask>();
            var techniques = new List<string>();
            var measures = new List<Measurement>();

            // Risk is assessed at the first contact, whatever it is [NHSTT].
            if (k == 1)
            {
                tasks.Add(SessionTask.RiskReview);
            }

            if (s.Phase == Phase.PreTreatment)
            {
                techniques.Add(protocol.IsGroup ? "pre-group-preparation" : "psychoeducation");
            }
            else
            {
                // Measures: baseline at the first treatment session, then at the protocol's interval and at the end.
                if (k == firstTreatment || k - measuredAt >= protocol.MeasurementIntervalSessions || k == last)
                {
                    // A reliable improvement by mid-treatment (at least 6 points on PHQ-9 within four sessions),
                    // and a response and remission by the end, however short the course.
                    // Maintenance follows an acute course that responded: the scores stay low [FRANK90, FRANK07].
                    var step = Math.Max(1.5, 15.0 / Math.Max(1, n - 1));
                    var score = protocol.CorePhase == Phase.Maintenance ? 4 : (int)Math.Round(Math.Max(3, 18 - ((k - firstTreatment) * step)), MidpointRounding.AwayFromZero);
                    measures.Add(Scored(instrument, Math.Min(score, instrument.TotalMax)));
                    measuredAt = k;
                }
            }

            if (k == firstTreatment && protocol.InitialSessions.Default > 0)
            {
                tasks.AddRange([SessionTask.Diagnosis, SessionTask.Psychoeducation, SessionTask.MedicationAssessment, SessionTask.InterpersonalInventory]);
                techniques.AddRange(["psychoeducation", "sick-role", "interpersonal-inventory"]);
                if (protocol.Requires(ProtocolRequirement.ClosenessCircle))
                {
                    tasks.Add(SessionTask.ClosenessCircle);
                    techniques.Add("closeness-circle");
                }

                if (protocol.Requires(ProtocolRequirement.CaregiverInInitialPhase))
                {
                    tasks.Add(SessionTask.CaregiverInvolvement);
                    techniques.Add("caregiver-session");
                    s = s with { Format = SessionFormat.Joint };
                }
            }

            if (k == lastInitial && protocol.InitialSessions.Default > 0)
            {
                tasks.AddRange([SessionTask.SymptomLinking, SessionTask.GoalSetting]);
                if (lastInitial != firstTreatment)
                {
                    tasks.Add(SessionTask.InterpersonalInventory);
                }

                techniques.AddRange(["interpersonal-formulation", "contract-setting"]);
            }

            if (s.Phase is Phase.Middle or Phase.Maintenance)
            {
                tasks.Add(SessionTask.IntervalReview);

                // The time limit is recalled at the first middle-phase session (the ending comes later).
                if (s.Phase is Phase.Middle && k == lastInitial + 1)
                {
                    tasks.Add(SessionTask.TimeLimitReminder);
                }

                techniques.AddRange(["interval-review", "communication-analysis", "clarification"]);
                techniques.Add("nonreciprocal-expectations");
                if (k % 2 == 0)
                {
                    techniques.Add("role-play");
                }
            }

            // The Social Rhythm Metric scores a week of daily records: reviewed at each session from its phase, after the first,
            // through the middle and maintenance phases.
            if (protocol.Requires(ProtocolRequirement.SocialRhythmMetric) && k != firstTreatment
                && (s.Phase is Phase.Middle or Phase.Maintenance || (s.Phase is Phase.Initial && protocol.SocialRhythmMetricFrom == Phase.Initial)))
            {
                tasks.Add(SessionTask.SocialRhythmReview);
                techniques.Add("social-rhythm-review");
                measures.Add(Measurement.OfMean(BuiltInInstruments.Srm5.Id, 4.2m));
            }

            if (k == endingAt)
            {
                tasks.Add(SessionTask.EndingRaised);
                techniques.Add("ending-discussion");
            }

            if (s.Phase == Phase.Termination)
            {
                if (k == last - protocol.TerminationSessions.Default + 1)
                {
                    tasks.AddRange([SessionTask.FeelingsAboutEnding, SessionTask.ProgressReview]);
                    techniques.Add("progress-review");
                }

                if (k == last)
                {
                    tasks.AddRange([SessionTask.RelapsePreventionPlan, SessionTask.ContinuationDiscussed]);
                    techniques.AddRange(["relapse-prevention-plan", "continuation-planning"]);
                }
            }

            sessions.Add(s with
            {
                Tasks = ValueList.From(tasks.Distinct()),
                Techniques = ValueList.From(techniques.Distinct().Select(T)),
                Measures = ValueList.From(measures),
            });
        }

        AddIndividualMeetings(protocol, sessions, pre + (n / 2));
        var agreedAt = protocol.InitialSessions.Default > 0 ? lastInitial : firstTreatment;
        var isAdolescent = protocol.PatientAge is not null;
        var course = new Course(protocol.Id)
        {
            PatientAge = isAdolescent ? 15 : 34,
            Setting = CareSetting.Outpatient,
            Contract = new Contract
            {
                Sessions = n,
                Frequency = protocol.Cadence,
                SessionLength = protocol.SessionLength.Default,
                StartDate = start ?? Start,
                AgreedAtSession = agreedAt,
            },
            SickRole = protocol.CorePhase == Phase.Maintenance ? null : new SickRole
            {
                GrantedAtSession = firstTreatment,
                Limited = protocol.Requires(ProtocolRequirement.LimitedSickRole),
            },
            Formulation = new Formulation
            {
                Areas = [new FocusArea(ProblemArea.RoleDispute) { DisputeStage = RoleDisputeStage.Impasse, Persons = [P("p1")] }],
                ChosenAtSession = agreedAt,
                PresentedAtSession = agreedAt,
                Agreed = true,
                AgreedAtSession = agreedAt,
                AgreedOn = sessions.First(x => x.Number == agreedAt).Date,
                Notes = "Low mood began when arguments with the partner about moving city stopped being talked through.",
            },
            Inventory = new InterpersonalInventory(
            [
                new InventoryPerson(P("p1"), isAdolescent ? Relationship.Parent : Relationship.Partner)
                {
                    Label = isAdolescent ? "Mum" : "Alex",
                    Ring = 1,
                    Contact = ContactFrequency.Daily,
                    Conflicts = "Disagree about the move; stopped talking about it.",
                    ConflictsResolved = false,
                    ExpectationsMet = false,
                    KnowsAboutMood = true,
                    ChangedNearOnset = true,
                    RelatedArea = ProblemArea.RoleDispute,
                    Support = [SupportKind.Practical],
                },
                new InventoryPerson(P("p2"), Relationship.Sibling) { Label = "Sam", Ring = 1, Contact = ContactFrequency.Weekly, Support = [SupportKind.Emotional] },
                new InventoryPerson(P("p3"), Relationship.Friend) { Label = "Jo", Ring = 2, Contact = ContactFrequency.Monthly, Support = [SupportKind.Companionship] },
                new InventoryPerson(P("p4"), isAdolescent ? Relationship.Friend : Relationship.Colleague) { Label = "Chris", Ring = 2, Contact = ContactFrequency.Daily },
                new InventoryPerson(P("p5"), Relationship.Neighbour) { Label = "Pat", Ring = 3, Contact = ContactFrequency.Rarely },
            ]),
            Sessions = ValueList.From(sessions),
            Goals =
            [
                new Goal(GoalId.From("g1"), "Talk about the move with my partner without it ending in silence.")
                {
                    Area = ProblemArea.RoleDispute,
                    SetAtSession = agreedAt,
                    Steps = [new GoalStep { Description = "Pick a calm time to raise it.", Done = true, DoneAtSession = Math.Min(last, agreedAt + 2) }],
                },
            ],
            Diary =
            [
                new InterpersonalEvent
                {
                    Date = (start ?? Start).PlusDays(3),
                    Persons = [P("p1")],
                    WhatHappened = "Argued about the flat again; walked out.",
                    Emotions = [Emotion.Anger, Emotion.Sadness],
                    Mood = 3,
                },
            ],
        };
        return course;
    }

    /// <summary>
    /// Group IPT for binge eating: an individual meeting three days after the group session at mid-treatment
    /// and one a week after the last group session [WILFLEY]; the sessions after the first are renumbered.
    /// </summary>
    private static void AddIndividualMeetings(ProtocolDefinition protocol, List<Session> sessions, int midNumber)
    {
        Session Meeting(Session after, Phase phase, int days) => new(after.Number + 1, phase)
        {
            Date = after.Date!.Value.PlusDays(days),
            Length = Duration.FromMinutes(50),
            Format = SessionFormat.Individual,
            Status = SessionStatus.Held,
        };

        if (protocol.Requires(ProtocolRequirement.MidTreatmentIndividualMeeting))
        {
            var at = sessions.FindIndex(s => s.Number == midNumber);
            sessions.Insert(at + 1, Meeting(sessions[at], Phase.Middle, 3));
            for (var i = at + 2; i < sessions.Count; i++)
            {
                sessions[i] = sessions[i] with { Number = sessions[i].Number + 1 };
            }
        }

        if (protocol.Requires(ProtocolRequirement.PostTreatmentIndividualMeeting))
        {
            sessions.Add(Meeting(sessions[^1], Phase.Termination, 7));
        }
    }

    private static List<SampleMistake> BuildMistakes()
    {
        var standard = Standard;
        Course EditSession(Course c, int number, Func<Session, Session> change) => c.WithSession(number, change);
        Session WithoutTask(Session s, SessionTask task) => s with { Tasks = ValueList.From(s.Tasks.Where(t => t != task)) };
        var date6 = standard.Sessions[5].Date;
        var date7 = standard.Sessions[6].Date;
        return
        [
            new(
                "formulation-not-agreed",
                "The middle phase starts before the patient agreed the formulation.",
                "IPT0304",
                standard with { Formulation = standard.Formulation! with { Agreed = false, AgreedAtSession = null, AgreedOn = null } }),
            new(
                "role-dispute-without-stage",
                "The focus is a role dispute, but its stage (renegotiation, impasse, dissolution) was never determined.",
                "IPT0404",
                standard with { Formulation = standard.Formulation! with { Areas = [new FocusArea(ProblemArea.RoleDispute) { Persons = [P("p1")] }] } }),
            new(
                "ending-raised-late",
                "The ending is first raised at session 15 of 16.",
                "IPT0601",
                EditSession(EditSession(standard, 12, s => WithoutTask(s, SessionTask.EndingRaised)), 15, s => s.PlusTask(SessionTask.EndingRaised))),
            new(
                "safety-item-without-risk-review",
                "PHQ-9 item 9 scores 1 at session 5 and no risk review is recorded.",
                "IPT0704",
                EditSession(standard, 5, s => s with { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 11, [3, 3, 3, 1, 0, 0, 0, 0, 1])] })),
            new(
                "session-dates-out-of-order",
                "Sessions 6 and 7 carry each other's dates.",
                "IPT0104",
                EditSession(EditSession(standard, 6, s => s with { Date = date7 }), 7, s => s with { Date = date6 })),
            new(
                "group-before-pre-group",
                "WHO group IPT: the member missed the pre-group meeting but joined the group.",
                "IPT0803",
                EditSession(All[BuiltInProtocols.WhoGroup.Id], 1, s => s with { Status = SessionStatus.Missed })),
            new(
                "adolescent-without-caregiver",
                "IPT-A: no parent or caregiver took part in the initial phase.",
                "IPT0801",
                EditSession(All[BuiltInProtocols.Adolescent.Id], 1, s => WithoutTask(s, SessionTask.CaregiverInvolvement) with { Format = SessionFormat.Individual })),
            new(
                "in-progress",
                "A course at session 7 of 16 (sessions 8 to 16 planned): a non-IPT technique was recorded in session 6, and session 7 has no interval review.",
                "IPT0504",
                InProgress(standard)),
        ];
    }

    private static List<SampleRecord> BuildRecords() =>
    [
        new(
            "active-at-session-14",
            "Standard IPT fetched mid-course: sessions 1 to 14 of 16 held, sessions 15 and 16 not yet in the record.",
            [],
            ActiveAtSession14()),
        new(
            "adolescent-missed-and-made-up",
            "IPT-A: the patient did not attend session 6; session 7 makes it up, and the course completes its 12 contracted sessions.",
            [],
            AdolescentMissedAndMadeUp()),
        new(
            "who-group-pre-group-assessment",
            "WHO group IPT: the assessment, baseline PHQ-9, sick role, inventory, problem area and contract are done in the individual pre-group meeting.",
            [],
            WhoGroupPreGroupAssessment()),
        new(
            "ended-early-after-6",
            "Standard IPT: the patient attended sessions 1 to 6, did not attend sessions 7 to 9 and could not be reached; the course ended early.",
            ["IPT0607"],
            EndedEarlyAfter6()),
        new(
            "group-members-present",
            "WHO group IPT with its group, its facilitators, the members present at each group session (counts and opaque ids) and supervision.",
            [],
            GroupMembersPresent()),
    ];

    private static Course ActiveAtSession14()
    {
        var standard = Standard;
        var held = standard.Sessions.Where(s => s.Number <= 14).ToList();
        return standard with
        {
            Sessions = ValueList.From(held),
            Lifecycle = new CourseLifecycle(CourseStatus.Active) { AsOf = held[^1].Date!.Value.PlusDays(2) },
        };
    }

    private static Course AdolescentMissedAndMadeUp()
    {
        var course = All[BuiltInProtocols.Adolescent.Id];
        var sessions = new List<Session>();
        foreach (var s in course.Sessions)
        {
            if (s.Number < 6)
            {
                sessions.Add(s);
            }
            else if (s.Number == 6)
            {
                // The appointment the patient missed keeps its date and phase; what was planned for it moves to the make-up.
                sessions.Add(new Session(6, s.Phase) { Date = s.Date, Length = null, Status = SessionStatus.Missed, Format = s.Format });
                sessions.Add(s with { Number = 7, Date = s.Date!.Value.PlusDays(3), Replaces = 6 });
            }
            else
            {
                sessions.Add(s with { Number = s.Number + 1 });
            }
        }

        return course with
        {
            Sessions = ValueList.From(sessions),
            Lifecycle = new CourseLifecycle(CourseStatus.Completed) { EndedOn = sessions[^1].Date },
        };
    }

    private static Course WhoGroupPreGroupAssessment()
    {
        var course = All[BuiltInProtocols.WhoGroup.Id];
        SessionTask[] initialTasks = [SessionTask.RiskReview, SessionTask.Diagnosis, SessionTask.Psychoeducation, SessionTask.MedicationAssessment, SessionTask.InterpersonalInventory, SessionTask.SymptomLinking];
        string[] initialTechniques = ["pre-group-preparation", "psychoeducation", "sick-role", "interpersonal-inventory", "interpersonal-formulation", "contract-setting"];
        var sessions = course.Sessions.Select(s => s.Number switch
        {
            1 => s with
            {
                Tasks = ValueList.From(initialTasks),
                Techniques = ValueList.From(initialTechniques.Select(T)),
                Measures = [Scored(BuiltInInstruments.Phq9, 18)],
            },
            2 => s with
            {
                Tasks = [SessionTask.GoalSetting],
                Techniques = [T("clarification"), T("relate-onset-to-dispute")],
                Measures = [Scored(BuiltInInstruments.Phq9, 16)],
            },

            // WHO group IPT reviews each member's symptoms at every group session.
            _ => s with { Measures = [Scored(BuiltInInstruments.Phq9, GroupScore(s.Number))] },
        });
        var agreedOn = course.Sessions[0].Date;
        return course with
        {
            Sessions = ValueList.From(sessions),
            SickRole = new SickRole { GrantedAtSession = 1 },
            Contract = course.Contract! with { AgreedAtSession = 1 },
            Formulation = course.Formulation! with { ChosenAtSession = 1, PresentedAtSession = 1, AgreedAtSession = 1, AgreedOn = agreedOn },
            Goals = ValueList.From(course.Goals.Select(g => g with { SetAtSession = 2, Steps = ValueList.From(g.Steps.Select(st => st with { DoneAtSession = 4 })) })),
            Lifecycle = new CourseLifecycle(CourseStatus.Completed) { EndedOn = course.Sessions[^1].Date },
        };
    }

    /// <summary>The PHQ-9 of the WHO group record by session number: 18 at the pre-group meeting, reliably better by mid-treatment, in remission at the end.</summary>
    private static int GroupScore(int number) => new[] { 0, 18, 16, 15, 13, 12, 10, 8, 6, 4 }[number];

    private static Course EndedEarlyAfter6()
    {
        var standard = Standard;
        var sessions = standard.Sessions
            .Where(s => s.Number <= 9)
            .Select(s => s.Number switch
            {
                <= 4 => s,
                5 => s with { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 20, [3, 3, 3, 3, 3, 3, 2, 0, 0])], Tasks = s.Tasks.Add(SessionTask.RiskReview) },
                6 => s,
                _ => new Session(s.Number, s.Phase) { Date = s.Date, Status = SessionStatus.Missed },
            })
            .ToList();
        return standard with
        {
            Sessions = ValueList.From(sessions),
            Lifecycle = new CourseLifecycle(CourseStatus.EndedEarly) { EndedOn = sessions[^1].Date!.Value.PlusDays(14), EndReason = EndReason.LostToContact },
        };
    }

    private static Course GroupMembersPresent()
    {
        var course = WhoGroupPreGroupAssessment();
        var lead = ClinicianId.From("t1");
        var co = ClinicianId.From("t2");
        var members = Enumerable.Range(1, 7).Select(k => MemberId.From($"m{k}")).ToArray();
        var sessions = course.Sessions.Select(s => s.Format != SessionFormat.Group
            ? s with { Clinicians = [new SessionClinician(lead)] }
            : s with
            {
                Clinicians = [new SessionClinician(lead), new SessionClinician(co, ClinicianRole.CoTherapist)],
                Group = new SessionGroup
                {
                    MembersPresent = s.Number % 3 == 0 ? 7 : 8,
                    Members = ValueList.From(members.Take(s.Number % 3 == 0 ? 6 : 7)),
                },
            });
        return course with
        {
            Therapist = lead,
            Group = new CourseGroup(GroupId.From("grp-2026-01")) { MembersAtStart = 8 },
            Sessions = ValueList.From(sessions),
            Supervision =
            [
                new SupervisionRecord(Start.PlusWeeks(2), ClinicianId.From("s1")) { Sessions = [2, 3] },
                new SupervisionRecord(Start.PlusWeeks(5), ClinicianId.From("s1")) { Sessions = [4, 5, 6] },
            ],
        };
    }

    /// <summary>The standard course held up to session 7 with two small slips (warnings, no errors); the rest planned.</summary>
    private static Course InProgress(Course standard)
    {
        var course = standard with
        {
            Sessions = [.. standard.Sessions.Select(s => s.Number <= 7 ? s : new Session(s.Number, s.Phase) { Date = s.Date, Length = s.Length, Status = SessionStatus.Planned })],
        };
        course = course.WithSession(6, s => s with { Techniques = s.Techniques.Add(T("cognitive-restructuring")) });
        return course.WithSession(7, s => s with
        {
            Tasks = ValueList.From(s.Tasks.Where(t => t != SessionTask.IntervalReview)),
            Techniques = ValueList.From(s.Techniques.Where(t => t != T("interval-review"))),
        });
    }
}

/// <summary>A sample record as hosts send them, with the rule ids it triggers (empty for a well-run record).</summary>
/// <param name="Name">A kebab-case name, also the sample document's file name.</param>
/// <param name="Summary">What the record shows, in one sentence (documentation text, not patient data).</param>
/// <param name="ExpectedIds">The rule ids it triggers, in report order; empty when it validates clean.</param>
/// <param name="Course">The course.</param>
internal sealed record SampleRecord(string Name, string Summary, IReadOnlyList<string> ExpectedIds, Course Course);

/// <summary>A sample course with one typical mistake.</summary>
/// <param name="Name">A kebab-case name, also the sample document's file name.</param>
/// <param name="Summary">What is wrong, in one sentence (documentation text, not patient data).</param>
/// <param name="ExpectedId">The rule id the mistake triggers.</param>
/// <param name="Course">The course.</param>
internal sealed record SampleMistake(string Name, string Summary, string ExpectedId, Course Course);
