using Ipt.Protocol.Samples;
using NodaTime;

namespace Ipt.Protocol.Tests.Model;

/// <summary>ToString never prints person labels or free text (patient data).</summary>
public class ToStringTests
{
    private const string Marker = "CANARY-7f3a";

    [Fact]
    public void No_model_value_prints_its_free_text_or_labels()
    {
        var person = new InventoryPerson(PersonId.From("p1"), Relationship.Partner)
        {
            Label = Marker, SharedActivities = Marker, Positives = Marker, Negatives = Marker, PatientExpectations = Marker,
            OtherExpectations = Marker, CanDiscuss = Marker, CannotDiscuss = Marker, Conflicts = Marker, WouldLikeToChange = Marker,
        };
        var session = new Session(1, Phase.Initial) { Notes = Marker, Date = new LocalDate(2026, 12, 7) };
        var formulation = new Formulation { Notes = Marker, Areas = [new FocusArea(ProblemArea.Grief)] };
        var goal = new Goal(GoalId.From("g1"), Marker) { Steps = [new GoalStep { Description = Marker }] };
        var diary = new InterpersonalEvent { Date = new LocalDate(2026, 12, 9), WhatHappened = Marker, Pattern = Marker };
        var renegotiation = new Renegotiation { AtSession = 5, Reason = Marker };
        var course = new Course(ProtocolId.From("ipt"))
        {
            Inventory = new InterpersonalInventory([person]),
            Sessions = [session],
            Formulation = formulation,
            Goals = [goal],
            Diary = [diary],
            Renegotiations = [renegotiation],
        };

        object[] values = [person, session, formulation, goal, goal.Steps[0], diary, renegotiation, course, course.Inventory, course.Sessions, course.Goals];
        foreach (var value in values)
        {
            var text = value.ToString()!;
            Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(text));
        }

        Assert.Equal("Person p1 (Partner)", person.ToString());
        Assert.Equal("Session 1 (Initial, Planned, 2026-12-07)", session.ToString());
        Assert.Equal("Course (ipt, 1 sessions)", course.ToString());
    }

    [Fact]
    public void The_canonical_course_prints_a_short_summary()
    {
        Assert.Equal("Course (ipt, 16 sessions)", SampleCourses.Standard.ToString());
    }
}
