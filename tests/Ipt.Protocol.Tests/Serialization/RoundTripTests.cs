using System.Text;
using System.Text.Json;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using NodaTime;

namespace Ipt.Protocol.Tests.Serialization;

public class RoundTripTests
{
    public static TheoryData<string> Protocols()
    {
        var data = new TheoryData<string>();
        foreach (var id in SampleCourses.All.Keys.OrderBy(k => k.Value, StringComparer.Ordinal))
        {
            data.Add(id.Value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Every_sample_course_reads_back_equal_and_writes_the_same_bytes(string protocol)
    {
        var course = SampleCourses.All[ProtocolId.From(protocol)];
        foreach (var indented in new[] { true, false })
        {
            var bytes = CourseJson.Default.ToUtf8Bytes(course, indented);
            var result = CourseJson.Default.TryRead(bytes);
            Assert.True(result.Success, string.Join("\n", result.Errors));
            Assert.Equal(course, result.Value);
            Assert.Equal(bytes, CourseJson.Default.ToUtf8Bytes(result.Value, indented));
        }
    }

    [Fact]
    public void Writing_the_same_course_twice_gives_the_same_bytes()
    {
        Assert.Equal(CourseJson.Default.ToUtf8Bytes(SampleCourses.Standard), CourseJson.Default.ToUtf8Bytes(SampleCourses.Canonical(BuiltInProtocols.Standard)));
    }

    [Fact]
    public void A_course_using_every_member_round_trips()
    {
        var course = FullCourse();
        var text = CourseJson.Default.WriteToString(course);
        var result = CourseJson.Default.TryRead(text);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(course, result.Value);
        Assert.Equal(text, CourseJson.Default.WriteToString(result.Value));
    }

    [Fact]
    public void A_minimal_course_writes_only_the_version_and_the_protocol()
    {
        var text = CourseJson.Default.WriteToString(new Course(ProtocolId.From("ipt")), indented: false);
        Assert.Equal("""{"schemaVersion":2,"protocol":"ipt"}""", text);
        Assert.Equal(new Course(ProtocolId.From("ipt")), CourseJson.Default.TryRead(text).GetValueOrThrow());
    }

    [Fact]
    public void Values_use_the_contract_spellings()
    {
        var text = CourseJson.Default.WriteToString(SampleCourses.Standard, indented: false);
        Assert.Contains("\"schemaVersion\":2", text, StringComparison.Ordinal);
        Assert.Contains("\"frequency\":\"P1W\"", text, StringComparison.Ordinal);
        Assert.Contains("\"sessionLength\":\"PT50M\"", text, StringComparison.Ordinal);
        Assert.Contains("\"startDate\":\"2026-01-05\"", text, StringComparison.Ordinal);
        Assert.Contains("\"area\":\"roleDispute\"", text, StringComparison.Ordinal);
        Assert.Contains("\"intervalReview\"", text, StringComparison.Ordinal);
        Assert.Contains("\"persons\":[\"p1\"]", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50, "PT50M")]
    [InlineData(60, "PT1H")]
    [InlineData(90, "PT1H30M")]
    [InlineData(24 * 60, "P1D")]
    public void Durations_are_written_in_their_shortest_iso_form(int minutes, string expected)
    {
        var course = new Course(ProtocolId.From("ipt")) { Sessions = [new Session(1, Phase.Initial) { Length = Duration.FromMinutes(minutes) }] };
        var text = CourseJson.Default.WriteToString(course, indented: false);
        Assert.Contains($"\"length\":\"{expected}\"", text, StringComparison.Ordinal);
        Assert.Equal(course, CourseJson.Default.TryRead(text).GetValueOrThrow());
    }

    [Fact]
    public void Durations_with_seconds_and_fractions_round_trip_exactly()
    {
        var length = Duration.FromMinutes(45) + Duration.FromSeconds(30) + Duration.FromMilliseconds(250);
        var course = new Course(ProtocolId.From("ipt")) { Sessions = [new Session(1, Phase.Initial) { Length = length }] };
        Assert.Equal(course, CourseJson.Default.TryRead(CourseJson.Default.WriteToString(course)).GetValueOrThrow());
    }

    [Fact]
    public void Non_ascii_text_is_written_readably_and_round_trips()
    {
        var course = new Course(ProtocolId.From("ipt")) { Sessions = [new Session(1, Phase.Initial) { Notes = "Zoë said \"later\" <3 — ok" }] };
        var text = CourseJson.Default.WriteToString(course, indented: false);
        Assert.Contains("Zoë", text, StringComparison.Ordinal);
        Assert.Equal(course, CourseJson.Default.TryRead(text).GetValueOrThrow());
    }

    [Fact]
    public void Stream_and_string_and_span_entry_points_agree()
    {
        var bytes = CourseJson.Default.ToUtf8Bytes(SampleCourses.Standard);
        using var stream = new MemoryStream();
        CourseJson.Default.Write(SampleCourses.Standard, stream);
        Assert.Equal(bytes, stream.ToArray());
        stream.Position = 0;
        Assert.Equal(SampleCourses.Standard, CourseJson.Default.TryRead(stream).Value);
        Assert.Equal(SampleCourses.Standard, CourseJson.Default.TryRead(Encoding.UTF8.GetString(bytes)).Value);
    }

    [Fact]
    public async Task The_async_entry_point_reads_a_stream()
    {
        using var stream = new MemoryStream(CourseJson.Default.ToUtf8Bytes(SampleCourses.Standard));
        var result = await CourseJson.Default.TryReadAsync(stream, TestContext.Current.CancellationToken);
        Assert.Equal(SampleCourses.Standard, result.Value);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(CourseJson.Default.ToUtf8Bytes(SampleCourses.Standard)).ToArray();
        Assert.Equal(SampleCourses.Standard, CourseJson.Default.TryRead(bytes).Value);
    }

    [Fact]
    public void Host_options_read_and_write_a_course_inside_a_host_document()
    {
        var host = new HostBody { Course = SampleCourses.Standard, Title = "x" };
        var json = JsonSerializer.Serialize(SampleCourses.Standard, CourseJson.Default.CreateSerializerOptions());
        Assert.Equal(CourseJson.Default.WriteToString(SampleCourses.Standard, indented: false), json);
        Assert.Equal(SampleCourses.Standard, JsonSerializer.Deserialize<Course>(json, CourseJson.Default.CreateSerializerOptions()));

        var date = JsonSerializer.Serialize(new LocalDate(2026, 1, 5), CourseJson.Default.CreateSerializerOptions());
        Assert.Equal("\"2026-01-05\"", date);
        Assert.NotNull(host.Course);
    }

    [Fact]
    public void The_context_serializes_a_course_with_host_options_in_its_resolver_chain()
    {
        var options = new JsonSerializerOptions();
        options.TypeInfoResolverChain.Insert(0, CourseJson.Default.TypeInfoResolver);
        var json = JsonSerializer.Serialize(SampleCourses.Standard, options);
        Assert.Equal(SampleCourses.Standard, JsonSerializer.Deserialize<Course>(json, options));
    }

    [Fact]
    public void Host_options_report_a_bad_course_as_a_json_exception_with_its_path()
    {
        var json = """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":0,"phase":"initial"}]}""";
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Course>(json, CourseJson.Default.CreateSerializerOptions()));
        Assert.Contains("$.sessions[0].number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_options_apply_the_limits_they_were_created_with()
    {
        var json = JsonSerializer.Serialize(SampleCourses.Standard, CourseJson.Default.CreateSerializerOptions());
        var sessions = SampleCourses.Standard.Sessions.Count;
        var tight = new CourseJson(new IptJsonLimits { MaxSessions = sessions - 1 }).CreateSerializerOptions();
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Course>(json, tight));
        Assert.Contains("$.sessions", ex.Message, StringComparison.Ordinal);
        Assert.Contains("IptJsonLimits.MaxSessions", ex.Message, StringComparison.Ordinal);

        // At the limit, the same course reads.
        var exact = new CourseJson(new IptJsonLimits { MaxSessions = sessions }).CreateSerializerOptions();
        Assert.Equal(SampleCourses.Standard, JsonSerializer.Deserialize<Course>(json, exact));
    }

    private sealed class HostBody
    {
        public Course? Course { get; init; }

        public string? Title { get; init; }
    }

    internal static Course FullCourse()
    {
        var p1 = PersonId.From("p1");
        return new Course(ProtocolId.From("ipt"))
        {
            Lifecycle = new CourseLifecycle(CourseStatus.EndedEarly) { AsOf = new LocalDate(2026, 3, 1), EndedOn = new LocalDate(2026, 2, 20), EndReason = EndReason.Transferred },
            PatientAge = 40,
            Setting = CareSetting.PrimaryCare,
            Therapist = ClinicianId.From("t-1"),
            Group = new CourseGroup(GroupId.From("grp_1")) { MembersAtStart = 8 },
            Onset = new LocalDate(2025, 11, 1),
            LifeEvents = [new LifeEvent(LifeEventKind.Death, new LocalDate(2025, 10, 1)) { Persons = [p1], Notes = "x" }],
            Assessments = [new Assessment(AssessmentOccasion.Intake, new LocalDate(2026, 1, 2)) { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 14) { Rater = Rater.Self }] }],
            Supervision = [new SupervisionRecord(new LocalDate(2026, 1, 20), ClinicianId.From("s1")) { Sessions = [1, 2], Notes = "s" }],
            Contract = new Contract { Sessions = 12, Frequency = Period.FromWeeks(1), SessionLength = Duration.FromMinutes(50), StartDate = new LocalDate(2026, 1, 5), AgreedAtSession = 3 },
            Renegotiations =
            [
                new Renegotiation { AtSession = 6, Date = new LocalDate(2026, 2, 9), Reason = "More time needed.", Sessions = 16, Frequency = Period.FromWeeks(2), SessionLength = Duration.FromMinutes(45) },
            ],
            Formulation = new Formulation
            {
                Areas = [new FocusArea(ProblemArea.Grief) { Persons = [p1] }, new FocusArea(ProblemArea.RoleDispute, FocusRank.Secondary) { DisputeStage = RoleDisputeStage.Renegotiation }],
                ChosenAtSession = 3,
                PresentedAtSession = 3,
                Agreed = true,
                AgreedAtSession = 3,
                AgreedOn = new LocalDate(2026, 1, 19),
                Changes = [new FocusChange(2, [new FocusArea(ProblemArea.RoleTransition)])],
                Notes = "Notes.",
            },
            SickRole = new SickRole { GrantedAtSession = 1, Limited = true },
            Inventory = new InterpersonalInventory(
            [
                new InventoryPerson(p1, Relationship.Parent)
                {
                    Label = "L", Ring = 4, Contact = ContactFrequency.None, SharedActivities = "a", Positives = "b", Negatives = "c",
                    PatientExpectations = "d", OtherExpectations = "e", ExpectationsMet = true, CanDiscuss = "f", CannotDiscuss = "g",
                    Conflicts = "h", ConflictsResolved = true, KnowsAboutMood = false, WouldLikeToChange = "i",
                    Support = [SupportKind.Emotional, SupportKind.Financial], ChangedNearOnset = false, RelatedArea = ProblemArea.Grief,
                    Deceased = true,
                },
            ],
            rings: 5),
            Sessions =
            [
                new Session(1, Phase.Initial)
                {
                    Date = new LocalDate(2026, 1, 5), Length = Duration.FromMinutes(60), Format = SessionFormat.Joint, Delivery = DeliveryMode.Video, Status = SessionStatus.Held,
                    Attendees = [p1], Clinicians = [new SessionClinician(ClinicianId.From("t-1")), new SessionClinician(ClinicianId.From("t-2"), ClinicianRole.CoTherapist)],
                    Tasks = [SessionTask.Diagnosis, SessionTask.RiskReview], Techniques = [TechniqueId.From("psychoeducation")],
                    Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 12, [3, 3, 3, 3, 0, 0, 0, 0, 0]), new Measurement(InstrumentId.From("my-scale"), 7)],
                    Notes = "n",
                },
                new Session(2, Phase.Initial) { Status = SessionStatus.Missed },
                new Session(3, Phase.Initial) { Status = SessionStatus.CancelledByPatient, Format = SessionFormat.Couple, Delivery = DeliveryMode.Telephone, Measures = [new Measurement(BuiltInInstruments.Gad7.Id, null, [1, 1, 1, 1, 1, 1, 1]) { Rater = Rater.Clinician }] },
                new Session(4, Phase.Middle) { Status = SessionStatus.Held, Format = SessionFormat.Group, Replaces = 2, Group = new SessionGroup { MembersPresent = 7, Members = [MemberId.From("m1")] }, Measures = [Measurement.OfMean(BuiltInInstruments.Srm5.Id, 4.25m)] },
            ],
            Goals = [new Goal(GoalId.From("g_1"), "Goal.") { Area = ProblemArea.Grief, SetAtSession = 3, Steps = [new GoalStep { Description = "Step." }, new GoalStep { Description = "Done.", Done = true, DoneAtSession = 4 }], Achieved = true }],
            Diary = [new InterpersonalEvent { Date = new LocalDate(2026, 1, 8), Persons = [p1], WhatHappened = "w", Emotions = [Emotion.Guilt], Mood = 0, Pattern = "p" }],
        };
    }
}
