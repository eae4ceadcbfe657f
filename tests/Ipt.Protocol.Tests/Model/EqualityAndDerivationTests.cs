using Ipt.Protocol.Samples;
using NodaTime;

namespace Ipt.Protocol.Tests.Model;

public class EqualityAndDerivationTests
{
    private static Session MakeSession() => new(4, Phase.Middle)
    {
        Date = new LocalDate(2026, 12, 28),
        Length = Duration.FromMinutes(50),
        Status = SessionStatus.Held,
        Tasks = [SessionTask.IntervalReview],
        Techniques = [TechniqueId.From("communication-analysis")],
        Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 12)],
    };

    [Fact]
    public void Values_built_separately_with_equal_content_are_equal()
    {
        Assert.Equal(MakeSession(), MakeSession());
        Assert.Equal(MakeSession().GetHashCode(), MakeSession().GetHashCode());
        Assert.Equal(new FocusArea(ProblemArea.RoleDispute) { Persons = [PersonId.From("p1")] }, new FocusArea(ProblemArea.RoleDispute) { Persons = [PersonId.From("p1")] });
        Assert.Equal(new Measurement(BuiltInInstruments.Phq9.Id, 3, [1, 1, 1, 0, 0, 0, 0, 0, 0]), new Measurement(BuiltInInstruments.Phq9.Id, 3, [1, 1, 1, 0, 0, 0, 0, 0, 0]));
        Assert.Equal(new InterpersonalInventory([new InventoryPerson(PersonId.From("p1"), Relationship.Friend)]), new InterpersonalInventory([new InventoryPerson(PersonId.From("p1"), Relationship.Friend)]));
    }

    [Fact]
    public void Any_difference_makes_values_unequal()
    {
        var session = MakeSession();
        Assert.NotEqual(session, session.PlusTask(SessionTask.EndingRaised));
        Assert.NotEqual(session, session with { Notes = "x" });
        Assert.NotEqual(session, session with { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 13)] });
        Assert.NotEqual(new Measurement(BuiltInInstruments.Phq9.Id, 3), new Measurement(BuiltInInstruments.Gad7.Id, 3));
        var course = SampleCourses.Standard;
        Assert.NotEqual(course, course.WithSession(1, s => s with { Status = SessionStatus.Missed }));
    }

    [Fact]
    public void Plus_methods_return_changed_copies_and_leave_the_original_unchanged()
    {
        var session = MakeSession();
        var changed = session.PlusTask(SessionTask.EndingRaised)
            .PlusTechnique(TechniqueId.From("role-play"))
            .PlusMeasure(new Measurement(BuiltInInstruments.Gad7.Id, 5));
        Assert.Single(session.Tasks);
        Assert.True(changed.Has(SessionTask.EndingRaised));
        Assert.True(changed.Used(TechniqueId.From("role-play")));
        Assert.Equal(5, changed.MeasureOf(BuiltInInstruments.Gad7.Id)!.Score);
        Assert.Null(session.MeasureOf(BuiltInInstruments.Gad7.Id));
    }

    [Fact]
    public void WithSession_replaces_by_number_or_appends()
    {
        var course = new Course(ProtocolId.From("ipt")).PlusSession(new Session(1, Phase.Initial));
        var replaced = course.WithSession(new Session(1, Phase.Initial) { Status = SessionStatus.Held });
        Assert.Single(replaced.Sessions);
        Assert.True(replaced.Sessions[0].IsHeld);
        var appended = course.WithSession(new Session(2, Phase.Initial));
        Assert.Equal(2, appended.Sessions.Count);
        Assert.Throws<ArgumentException>(() => course.WithSession(9, s => s));
        Assert.True(appended.TryGetSession(2, out var found));
        Assert.Equal(2, found.Number);
        Assert.False(appended.TryGetSession(3, out _));
    }

    [Fact]
    public void The_effective_contract_applies_renegotiations_in_order()
    {
        var course = new Course(ProtocolId.From("ipt"))
        {
            Contract = new Contract { Sessions = 12, Frequency = Period.FromWeeks(1), SessionLength = Duration.FromMinutes(50) },
        }
        .PlusRenegotiation(new Renegotiation { AtSession = 6, Sessions = 16 })
        .PlusRenegotiation(new Renegotiation { AtSession = 8, Frequency = Period.FromWeeks(2) });
        var effective = course.EffectiveContract!;
        Assert.Equal(16, effective.Sessions);
        Assert.Equal(Period.FromWeeks(2), effective.Frequency);
        Assert.Equal(Duration.FromMinutes(50), effective.SessionLength);
        Assert.Equal(12, course.Contract!.Sessions);
        Assert.Null(new Course(ProtocolId.From("ipt")).EffectiveContract);
    }

    [Fact]
    public void The_formulation_knows_its_primary_area()
    {
        var one = new Formulation { Areas = [new FocusArea(ProblemArea.Grief), new FocusArea(ProblemArea.RoleTransition, FocusRank.Secondary)] };
        Assert.Equal(ProblemArea.Grief, one.Primary!.Area);
        Assert.True(one.Includes(ProblemArea.RoleTransition));
        Assert.False(one.Includes(ProblemArea.RoleDispute));
        var two = one.PlusArea(new FocusArea(ProblemArea.RoleDispute));
        Assert.Null(two.Primary);
        var agreed = one.AgreedAt(3, new LocalDate(2026, 12, 21));
        Assert.True(agreed.Agreed);
        Assert.Equal(3, agreed.AgreedAtSession);
    }

    [Fact]
    public void Inventory_people_are_found_and_replaced_by_id()
    {
        var inventory = InterpersonalInventory.Empty.PlusPerson(new InventoryPerson(PersonId.From("p1"), Relationship.Friend) { Ring = 2 });
        Assert.True(inventory.TryGet(PersonId.From("p1"), out var person));
        Assert.Equal(2, person.Ring);
        var moved = inventory.WithPerson(person with { Ring = 1 });
        Assert.Equal(1, moved.Persons[0].Ring);
        Assert.Equal(2, inventory.Persons[0].Ring);
        Assert.Throws<ArgumentException>(() => inventory.WithPerson(new InventoryPerson(PersonId.From("p9"), Relationship.Friend)));
        Assert.Throws<ArgumentException>(() => inventory.PlusPerson(new InventoryPerson(PersonId.From("p1"), Relationship.Parent)));
    }

    [Fact]
    public void Goals_gain_steps_by_derivation()
    {
        var goal = new Goal(GoalId.From("g1"), "x");
        var withStep = goal.PlusStep(new GoalStep { Description = "y" });
        Assert.Empty(goal.Steps);
        Assert.Single(withStep.Steps);
    }
}
