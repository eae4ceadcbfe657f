using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ipt.Protocol;

/// <summary>
/// One significant person in the interpersonal inventory, referred to everywhere else by
/// <see cref="Id"/>. The label and every free-text field are patient data. [MUFSON/DIETZ, WMK] (H/M)
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> prints the id only.</remarks>
public sealed record InventoryPerson
{
    /// <summary>Creates a person with the required values; set the rest with an object initializer.</summary>
    /// <param name="id">The stable id.</param>
    /// <param name="relationship">The relationship to the patient.</param>
    [SetsRequiredMembers]
    public InventoryPerson(PersonId id, Relationship relationship)
    {
        Id = id;
        Relationship = relationship;
    }

    /// <summary>Creates a person; <see cref="Id"/> and <see cref="Relationship"/> must be set.</summary>
    public InventoryPerson()
    {
    }

    /// <summary>Gets the stable id used to refer to the person.</summary>
    public required PersonId Id
    {
        get;
        init => field = value == default ? throw new ArgumentException("The person id is missing.", nameof(Id)) : value;
    }

    /// <summary>Gets the pseudonymous label shown to the therapist (patient data).</summary>
    public string? Label { get; init => field = Guard.Text(value, nameof(Label)); }

    /// <summary>Gets the relationship to the patient.</summary>
    public required Relationship Relationship { get; init => field = Guard.Defined(value, nameof(Relationship)); }

    /// <summary>Gets the closeness-circle ring, 1 being the innermost (closest).</summary>
    public int? Ring { get; init => field = Guard.Positive(value, nameof(Ring)); }

    /// <summary>Gets how often the patient is in contact with the person.</summary>
    public ContactFrequency? Contact { get; init => field = Guard.Defined(value, nameof(Contact)); }

    /// <summary>Gets shared activities (free text).</summary>
    public string? SharedActivities { get; init => field = Guard.Text(value, nameof(SharedActivities)); }

    /// <summary>Gets positive aspects of the relationship (free text).</summary>
    public string? Positives { get; init => field = Guard.Text(value, nameof(Positives)); }

    /// <summary>Gets negative aspects of the relationship (free text).</summary>
    public string? Negatives { get; init => field = Guard.Text(value, nameof(Negatives)); }

    /// <summary>Gets the patient's expectations of the person (free text).</summary>
    public string? PatientExpectations { get; init => field = Guard.Text(value, nameof(PatientExpectations)); }

    /// <summary>Gets the person's expectations of the patient (free text).</summary>
    public string? OtherExpectations { get; init => field = Guard.Text(value, nameof(OtherExpectations)); }

    /// <summary>Gets whether the expectations are met.</summary>
    public bool? ExpectationsMet { get; init; }

    /// <summary>Gets what can be discussed with the person (free text).</summary>
    public string? CanDiscuss { get; init => field = Guard.Text(value, nameof(CanDiscuss)); }

    /// <summary>Gets what cannot be discussed with the person (free text).</summary>
    public string? CannotDiscuss { get; init => field = Guard.Text(value, nameof(CannotDiscuss)); }

    /// <summary>Gets conflicts with the person (free text).</summary>
    public string? Conflicts { get; init => field = Guard.Text(value, nameof(Conflicts)); }

    /// <summary>Gets whether the conflicts are resolved.</summary>
    public bool? ConflictsResolved { get; init; }

    /// <summary>Gets whether the person knows about the patient's mood.</summary>
    public bool? KnowsAboutMood { get; init; }

    /// <summary>Gets what the patient would like to change (free text).</summary>
    public string? WouldLikeToChange { get; init => field = Guard.Text(value, nameof(WouldLikeToChange)); }

    /// <summary>Gets the kinds of support the person gives.</summary>
    public ValueList<SupportKind> Support { get; init => field = Guard.AllDefined(value, nameof(Support)); }

    /// <summary>Gets whether the relationship changed near symptom onset.</summary>
    public bool? ChangedNearOnset { get; init; }

    /// <summary>Gets the problem area the relationship relates to, when any.</summary>
    public ProblemArea? RelatedArea { get; init => field = Guard.Defined(value, nameof(RelatedArea)); }

    /// <summary>Gets a value indicating whether the person has died (relevant to a grief focus). The date of the death is a <see cref="LifeEventKind.Death"/> life event naming the person (<see cref="Course.LifeEvents"/>).</summary>
    public bool Deceased { get; init; }

    /// <summary>Returns the id only (the label is patient data).</summary>
    /// <returns>A string such as <c>Person p1 (Partner)</c>.</returns>
    public override string ToString() => $"Person {Id} ({Relationship})";
}

/// <summary>
/// The interpersonal inventory: the significant people in the patient's life placed on a
/// closeness circle of <see cref="Rings"/> concentric rings (three is the common form, after Kahn
/// and Antonucci's convoy model [MUFSON] (M)).
/// </summary>
/// <remarks>
/// <para>Invariants: 1 to 10 rings, every person's ring within the circle, person ids unique.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record InterpersonalInventory
{
    /// <summary>The common number of rings.</summary>
    public const int DefaultRings = 3;

    /// <summary>The most rings a circle may have.</summary>
    public const int MaxRings = 10;

    /// <summary>Creates an inventory.</summary>
    /// <param name="persons">The people.</param>
    /// <param name="rings">The number of rings of the closeness circle.</param>
    /// <exception cref="ArgumentException">The ring count is outside 1 to 10, a person's ring is outside the circle, or an id repeats.</exception>
    public InterpersonalInventory(IEnumerable<InventoryPerson> persons, int rings = DefaultRings)
    {
        ArgumentNullException.ThrowIfNull(persons);
        Rings = Guard.InRange(rings, 1, MaxRings, nameof(rings));
        var list = ValueList.From(persons);
        var seen = new HashSet<PersonId>();
        for (var i = 0; i < list.Count; i++)
        {
            var person = list[i];
            if (!seen.Add(person.Id))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Person id '{person.Id}' appears more than once (persons[{i}])."),
                    nameof(persons));
            }

            if (person.Ring is { } ring && ring > rings)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(persons),
                    ring,
                    string.Create(CultureInfo.InvariantCulture, $"persons[{i}].ring must be between 1 and {rings}, the rings of the circle."));
            }
        }

        Persons = list;
    }

    /// <summary>Gets the empty inventory with three rings.</summary>
    public static InterpersonalInventory Empty { get; } = new([]);

    /// <summary>Gets the number of rings of the closeness circle.</summary>
    public int Rings { get; }

    /// <summary>Gets the people.</summary>
    public ValueList<InventoryPerson> Persons { get; }

    /// <summary>Gets a value indicating whether no one has been recorded.</summary>
    public bool IsEmpty => Persons.IsEmpty;

    /// <summary>Looks up a person by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="person">The person, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(PersonId id, [NotNullWhen(true)] out InventoryPerson? person)
    {
        foreach (var candidate in Persons)
        {
            if (candidate.Id == id)
            {
                person = candidate;
                return true;
            }
        }

        person = null;
        return false;
    }

    /// <summary>Returns a copy with a person added.</summary>
    /// <param name="person">The person.</param>
    /// <returns>The new inventory.</returns>
    /// <exception cref="ArgumentException">The id is already used or the ring is outside the circle.</exception>
    public InterpersonalInventory PlusPerson(InventoryPerson person) => new(Persons.Add(person), Rings);

    /// <summary>Returns a copy with the person of the same id replaced.</summary>
    /// <param name="person">The changed person.</param>
    /// <returns>The new inventory.</returns>
    /// <exception cref="ArgumentException">No person has that id, or the ring is outside the circle.</exception>
    public InterpersonalInventory WithPerson(InventoryPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        for (var i = 0; i < Persons.Count; i++)
        {
            if (Persons[i].Id == person.Id)
            {
                return new(Persons.SetItem(i, person), Rings);
            }
        }

        throw new ArgumentException($"No person has id '{person.Id}'.", nameof(person));
    }

    /// <summary>Returns a copy with a different number of rings.</summary>
    /// <param name="rings">The number of rings.</param>
    /// <returns>The new inventory.</returns>
    /// <exception cref="ArgumentException">The count is outside 1 to 10 or leaves a person outside the circle.</exception>
    public InterpersonalInventory WithRings(int rings) => new(Persons, rings);

    /// <summary>Describes the inventory without labels.</summary>
    /// <returns>A string such as <c>Inventory (5 persons, 3 rings)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Inventory ({Persons.Count} persons, {Rings} rings)");
}
