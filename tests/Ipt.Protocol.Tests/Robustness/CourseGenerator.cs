using Ipt.Protocol.Protocols;
using NodaTime;

namespace Ipt.Protocol.Tests.Robustness;

/// <summary>
/// A seeded generator of arbitrary model-valid courses: every value the model accepts can appear,
/// so most courses break the protocol in many ways. The same seed always gives the same course.
/// </summary>
/// <remarks>
/// <para>Covers every enum value, every built-in protocol and an unknown one, known and unknown
/// instruments and techniques, extreme dates (0001-01-01 to 9999-12-31), durations from one
/// nanosecond to 24 hours, periods up to 1,000 years, huge session numbers, and free text with
/// awkward characters (quotes, backslashes, control characters, emoji, right-to-left marks,
/// markup, format placeholders, 10,000-character strings).</para>
/// <para>Lone surrogates are not generated: they are not well-formed Unicode, UTF-8 cannot carry
/// them, and the JSON writer replaces them with U+FFFD, so such text cannot round-trip
/// (<see cref="PropertyTests"/> pins that behaviour). Years outside 1 to 9999 are not generated:
/// the document format writes dates as <c>YYYY-MM-DD</c>.</para>
/// </remarks>
internal static class CourseGenerator
{
    private static readonly string[] TechniqueIds =
    [
        "psychoeducation", "sick-role", "interpersonal-inventory", "interval-review", "role-play", "nonreciprocal-expectations",
        "guided-mourning", "dream-interpretation", "free-association", "progress-review", "ending-discussion", "made-up-technique",
        "closeness-circle", "communication-analysis", "relapse-prevention-plan", "continuation-planning", "caregiver-session",
    ];

    /// <summary>Free text that has broken serializers, renderers and message formatters elsewhere.</summary>
    public static readonly string[] AwkwardTexts =
    [
        "plain",
        "\"quoted\" and 'single'",
        "back\\slash \\u0041 \\n",
        "tab\tnew\nline\r\nreturn\u2028sep\u2029",
        "nul\u0000 bell\u0007 esc\u001b del\u007f",
        "emoji \U0001F600\U0001F469\u200D\U0001F467 flags \U0001F1EC\U0001F1E7",
        "\u202Eright-to-left override\u202C \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
        "combining e\u0301 \u0041\u030A zero\u200Bwidth \uFEFF bom",
        "<svg><script>alert(1)</script></svg> &amp; ]]>",
        "{0} {1:N} {{braces}} %s %n $(x)",
        " ",
        "\u00A0\u3000",
        "\uFFFD\uFFFF\uFFFE",
        "\U0010FFFF astral \U0001D49C",
    ];

    /// <summary>Builds the course for a seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="awkwardText">Whether free text and labels are filled (otherwise they stay empty, as in <c>RandomCourseTests</c>).</param>
    /// <returns>The course.</returns>
    public static Course Build(int seed, bool awkwardText = true)
    {
        var r = new Random(seed);
        var g = new Gen(r, awkwardText);
        var protocols = BuiltInProtocols.All;
        var protocol = r.Next(20) == 0 ? ProtocolId.From("unknown-variant") : protocols[r.Next(protocols.Count)].Id;
        var start = g.Date();
        var sessionCount = r.Next(10) == 0 ? r.Next(0, 120) : r.Next(0, 30);
        var sessions = new List<Session>(sessionCount);
        var date = start;
        for (var i = 0; i < sessionCount; i++)
        {
            var number = r.Next(8) == 0 ? g.Positive(60) : i + 1;
            date = g.Step(date);
            sessions.Add(new Session(number, g.Pick<Phase>())
            {
                Date = r.Next(6) == 0 ? null : date,
                Length = r.Next(5) == 0 ? null : g.Length(),
                Format = g.Pick<SessionFormat>(),
                Status = g.Pick<SessionStatus>(),
                Tasks = ValueList.From(Enumerable.Range(0, r.Next(0, 6)).Select(_ => g.Pick<SessionTask>())),
                Techniques = ValueList.From(Enumerable.Range(0, r.Next(0, 4)).Select(_ => TechniqueId.From(TechniqueIds[r.Next(TechniqueIds.Length)]))),
                Measures = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => Measure(r))),
                Notes = g.Text(),
                Delivery = r.Next(3) == 0 ? null : g.Pick<DeliveryMode>(),
                Replaces = r.Next(6) == 0 ? g.Positive(60) : null,
                Attendees = r.Next(4) == 0 ? [PersonId.From("p" + r.Next(1, 9))] : [],
                Clinicians = r.Next(3) == 0 ? [] : ValueList.From(Enumerable.Range(0, r.Next(1, 3)).Select(k => new SessionClinician(ClinicianId.From("t" + r.Next(1, 5)), g.Pick<ClinicianRole>()))),
                Group = r.Next(4) != 0 ? null : new SessionGroup
                {
                    MembersPresent = r.Next(2) == 0 ? null : r.Next(0, 1001),
                    Members = ValueList.From(Enumerable.Range(0, r.Next(0, 4)).Select(k => MemberId.From("m" + r.Next(1, 20)))),
                },
            });
        }

        var rings = r.Next(4) == 0 ? r.Next(1, InterpersonalInventory.MaxRings + 1) : InterpersonalInventory.DefaultRings;
        var persons = Enumerable.Range(1, r.Next(0, 7)).Select(k => new InventoryPerson(PersonId.From("p" + k), g.Pick<Relationship>())
        {
            Label = g.Text(),
            Ring = r.Next(3) == 0 ? null : r.Next(1, rings + 1),
            Contact = r.Next(2) == 0 ? null : g.Pick<ContactFrequency>(),
            SharedActivities = g.Text(),
            Positives = g.Text(),
            Negatives = g.Text(),
            PatientExpectations = g.Text(),
            OtherExpectations = g.Text(),
            ExpectationsMet = g.Flag(),
            CanDiscuss = g.Text(),
            CannotDiscuss = g.Text(),
            Conflicts = g.Text(),
            ConflictsResolved = g.Flag(),
            KnowsAboutMood = g.Flag(),
            WouldLikeToChange = g.Text(),
            Support = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => g.Pick<SupportKind>())),
            ChangedNearOnset = g.Flag(),
            RelatedArea = r.Next(2) == 0 ? null : g.Pick<ProblemArea>(),
            Deceased = r.Next(5) == 0,
        }).ToList();

        return new Course(protocol)
        {
            Lifecycle = r.Next(3) == 0 ? null : new CourseLifecycle(g.Pick<CourseStatus>())
            {
                AsOf = r.Next(2) == 0 ? null : g.Date(),
                EndedOn = r.Next(2) == 0 ? null : g.Date(),
                EndReason = r.Next(2) == 0 ? null : g.Pick<EndReason>(),
            },
            Therapist = r.Next(2) == 0 ? null : ClinicianId.From("t" + r.Next(1, 5)),
            Group = r.Next(4) != 0 ? null : new CourseGroup(GroupId.From("grp-" + r.Next(1, 99))) { MembersAtStart = r.Next(2) == 0 ? null : g.Positive(12) },
            Onset = r.Next(2) == 0 ? null : g.Date(),
            LifeEvents = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => new LifeEvent(g.Pick<LifeEventKind>(), g.Date())
            {
                Persons = r.Next(2) == 0 ? [] : [PersonId.From("p" + r.Next(1, 9))],
                Notes = g.Text(),
            })),
            Assessments = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => new Assessment(g.Pick<AssessmentOccasion>(), g.Date())
            {
                Measures = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => Measure(r))),
            })),
            Supervision = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => new SupervisionRecord(g.Date(), ClinicianId.From("s" + r.Next(1, 4)))
            {
                Sessions = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => g.Positive(30))),
                Notes = g.Text(),
            })),
            PatientAge = r.Next(3) == 0 ? null : r.Next(0, Course.MaxAge + 1),
            Setting = r.Next(3) == 0 ? null : g.Pick<CareSetting>(),
            Contract = r.Next(4) == 0 ? null : new Contract
            {
                Sessions = g.Positive(70),
                Frequency = r.Next(3) == 0 ? null : g.Period(),
                SessionLength = r.Next(3) == 0 ? null : g.Length(),
                StartDate = r.Next(3) == 0 ? null : g.Step(start),
                AgreedAtSession = r.Next(3) == 0 ? null : g.Positive(20),
            },
            Renegotiations = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => new Renegotiation
            {
                AtSession = g.Positive(30),
                Date = r.Next(2) == 0 ? null : g.Date(),
                Reason = g.Text(),
                Sessions = r.Next(2) == 0 ? null : g.Positive(40),
                Frequency = r.Next(2) == 0 ? null : g.Period(),
                SessionLength = r.Next(2) == 0 ? null : g.Length(),
            })),
            Formulation = r.Next(5) == 0 ? null : new Formulation
            {
                Areas = ValueList.From(Enumerable.Range(0, r.Next(0, 5)).Select(_ => new FocusArea(g.Pick<ProblemArea>(), g.Pick<FocusRank>())
                {
                    DisputeStage = r.Next(2) == 0 ? null : g.Pick<RoleDisputeStage>(),
                    Persons = r.Next(2) == 0 ? [] : [PersonId.From("p" + r.Next(1, 9))],
                })),
                ChosenAtSession = r.Next(3) == 0 ? null : g.Positive(20),
                PresentedAtSession = r.Next(3) == 0 ? null : g.Positive(20),
                Agreed = r.Next(2) == 0,
                AgreedAtSession = r.Next(3) == 0 ? null : g.Positive(20),
                AgreedOn = r.Next(3) == 0 ? null : g.Date(),
                Changes = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => new FocusChange(g.Positive(20), r.Next(2) == 0 ? [] : [new FocusArea(g.Pick<ProblemArea>(), g.Pick<FocusRank>()) { DisputeStage = r.Next(2) == 0 ? null : g.Pick<RoleDisputeStage>() }]))),
                Notes = g.Text(),
            },
            SickRole = r.Next(3) == 0 ? null : new SickRole { GrantedAtSession = g.Positive(20), Limited = r.Next(2) == 0 },
            Inventory = new InterpersonalInventory(persons, rings),
            Sessions = ValueList.From(sessions),
            Goals = ValueList.From(Enumerable.Range(1, r.Next(0, 4)).Select(k => new Goal(GoalId.From("g" + k), g.Text() ?? "goal")
            {
                Area = r.Next(2) == 0 ? null : g.Pick<ProblemArea>(),
                SetAtSession = r.Next(2) == 0 ? null : g.Positive(20),
                Steps = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => new GoalStep
                {
                    Description = g.Text() ?? "step",
                    Done = r.Next(2) == 0,
                    DoneAtSession = r.Next(2) == 0 ? null : g.Positive(20),
                })),
                Achieved = r.Next(3) == 0,
            })),
            Diary = ValueList.From(Enumerable.Range(0, r.Next(0, 4)).Select(_ => new InterpersonalEvent
            {
                Date = g.Date(),
                Persons = r.Next(2) == 0 ? [] : [PersonId.From("p" + r.Next(1, 9))],
                WhatHappened = g.Text(),
                Emotions = ValueList.From(Enumerable.Range(0, r.Next(0, 3)).Select(_ => g.Pick<Emotion>())),
                Mood = r.Next(2) == 0 ? null : r.Next(InterpersonalEvent.MoodMin, InterpersonalEvent.MoodMax + 1),
                Pattern = g.Text(),
            })),
        };
    }

    private static Measurement Measure(Random r) => r.Next(3) == 0 ? BareMeasure(r) with { Rater = (Rater)r.Next(0, 3) } : BareMeasure(r);

    private static Measurement BareMeasure(Random r)
    {
        var instruments = BuiltInInstruments.All;
        switch (r.Next(6))
        {
            case 5:
                return Measurement.OfMean(r.Next(2) == 0 ? BuiltInInstruments.Srm5.Id : InstrumentId.From("host-mean"), Math.Round((decimal)r.NextDouble() * 7, r.Next(0, 3)));
            case 0:
                return new Measurement(InstrumentId.From("unknown-scale"), r.Next(0, 500), r.Next(3) == 0 ? [r.Next(-5, 50), r.Next()] : null);
            case 1:
                var instrument = instruments[r.Next(instruments.Count)];
                if (instrument.ItemCount is { } count && instrument.ItemMax is { } max)
                {
                    var items = Enumerable.Range(0, count).Select(_ => r.Next(instrument.ItemMin, max + 1)).ToArray();
                    return new Measurement(instrument.Id, r.Next(2) == 0 ? null : r.Next(0, instrument.TotalMax + 5), items);
                }

                return new Measurement(instrument.Id, r.Next(0, instrument.TotalMax + 5));
            case 2:
                return new Measurement(instruments[r.Next(instruments.Count)].Id, r.Next(2) == 0 ? int.MaxValue : 0);
            default:
                var any = instruments[r.Next(instruments.Count)];
                return new Measurement(any.Id, r.Next(0, any.TotalMax + 10));
        }
    }

    private sealed class Gen(Random r, bool awkwardText)
    {
        private static readonly LocalDate Earliest = new(1, 1, 1);
        private static readonly LocalDate Latest = new(9999, 12, 31);

        public T Pick<T>()
            where T : struct, Enum
        {
            var values = Enum.GetValues<T>();
            return values[r.Next(values.Length)];
        }

        public bool? Flag() => r.Next(3) switch { 0 => null, 1 => true, _ => false };

        /// <summary>Usually small, sometimes huge.</summary>
        public int Positive(int usual) => r.Next(40) switch
        {
            0 => int.MaxValue,
            1 => r.Next(1, int.MaxValue),
            _ => r.Next(1, usual),
        };

        public LocalDate Date() => r.Next(20) switch
        {
            0 => Earliest.PlusDays(r.Next(0, 30)),
            1 => Latest.PlusDays(-r.Next(0, 30)),
            2 => Earliest.PlusDays(r.Next(0, 3_652_000)),
            _ => new LocalDate(2026, 1, 1).PlusDays(r.Next(-400, 400)),
        };

        /// <summary>The next date: usually days later, sometimes earlier, never past the format's range.</summary>
        public LocalDate Step(LocalDate from)
        {
            var days = r.Next(-3, 30);
            return (days > 0 && from > Latest.PlusDays(-days)) || (days < 0 && from < Earliest.PlusDays(-days)) ? from : from.PlusDays(days);
        }

        public Duration Length() => r.Next(12) switch
        {
            0 => Duration.Epsilon,
            1 => Duration.FromHours(24),
            2 => Duration.FromTicks(r.NextInt64(1, Duration.FromHours(24).BclCompatibleTicks)),
            3 => Duration.FromSeconds(r.Next(1, 86_400)),
            _ => Duration.FromMinutes(r.Next(1, 180)),
        };

        public Period Period() => r.Next(8) switch
        {
            0 => NodaTime.Period.FromYears(r.Next(1, 1000)),
            1 => NodaTime.Period.FromMonths(r.Next(1, 24)),
            2 => NodaTime.Period.FromDays(r.Next(1, 400)),
            _ => NodaTime.Period.FromWeeks(r.Next(1, 5)),
        };

        public string? Text()
        {
            if (!awkwardText || r.Next(3) == 0)
            {
                return null;
            }

            return r.Next(30) switch
            {
                0 => new string('x', Ipt.Protocol.Serialization.IptJsonLimits.DefaultMaxStringLength),
                1 => string.Concat(Enumerable.Repeat("\U0001F600", Ipt.Protocol.Serialization.IptJsonLimits.DefaultMaxStringLength / 2)),
                2 => AwkwardTexts[r.Next(AwkwardTexts.Length)] + AwkwardTexts[r.Next(AwkwardTexts.Length)],
                _ => AwkwardTexts[r.Next(AwkwardTexts.Length)],
            };
        }
    }
}
