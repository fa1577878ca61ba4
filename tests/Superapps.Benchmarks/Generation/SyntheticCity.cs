namespace Superapps.Benchmarks.Generation;

/// <summary>A position of the synthetic city: Letters keeps only ids and display snapshots, so no Organization data is needed.</summary>
internal sealed class SyntheticPosition(Guid id, int agency, int level, string title, SyntheticPosition? parent, Guid holderId, string holderName)
{
    public Guid Id { get; } = id;

    public int Agency { get; } = agency;

    /// <summary>0 Kepala, 1 Sekretaris or Kepala Bidang, 2 Kepala Subbagian or Seksi, 3 Staf.</summary>
    public int Level { get; } = level;

    public string Title { get; } = title;

    public SyntheticPosition? Parent { get; } = parent;

    public List<SyntheticPosition> Children { get; } = [];

    public Guid HolderId { get; } = holderId;

    public string HolderName { get; } = holderName;
}

/// <summary>One OPD: its head, its second level (Sekretaris and the Kabid), its registry clerk.</summary>
internal sealed class SyntheticAgency(int index, Guid id, string name, string abbreviation, Guid clerkId, string clerkName)
{
    public int Index { get; } = index;

    public Guid Id { get; } = id;

    public string Name { get; } = name;

    public string Abbreviation { get; } = abbreviation;

    public Guid ClerkId { get; } = clerkId;

    public string ClerkName { get; } = clerkName;

    public SyntheticPosition Head { get; set; } = null!;

    /// <summary>The Sekretaris first, then the Kabid.</summary>
    public List<SyntheticPosition> SecondLevel { get; } = [];
}

/// <summary>
/// The city the letters go through: 40 OPDs, each with a Kepala, a Sekretaris and four Kabid, three Kasubbag or Kasi under
/// each of them and four staff under every Kasubbag and Kasi (81 positions per OPD, 3,240 in all).
/// </summary>
internal sealed class SyntheticCity
{
    public const int SecondLevelCount = 5;
    public const int ThirdLevelPerParent = 3;
    public const int StaffPerParent = 4;

    private SyntheticCity(IReadOnlyList<SyntheticAgency> agencies, IReadOnlyList<SyntheticPosition> positions)
    {
        Agencies = agencies;
        Positions = positions;
    }

    public IReadOnlyList<SyntheticAgency> Agencies { get; }

    public IReadOnlyList<SyntheticPosition> Positions { get; }

    public static SyntheticCity Build(Random random, int agencyCount)
    {
        var agencies = new List<SyntheticAgency>();
        var positions = new List<SyntheticPosition>();
        for (var a = 0; a < agencyCount; a++)
        {
            var name = Vocabulary.Agencies[a % Vocabulary.Agencies.Length] + (a >= Vocabulary.Agencies.Length ? $" {(a / Vocabulary.Agencies.Length) + 1}" : string.Empty);
            var abbreviation = Vocabulary.Abbreviations[a % Vocabulary.Abbreviations.Length];
            var agency = new SyntheticAgency(a, NewGuid(random), name, abbreviation, NewGuid(random), PersonName(random));
            SyntheticPosition Add(int level, string title, SyntheticPosition? parent)
            {
                var position = new SyntheticPosition(NewGuid(random), a, level, title, parent, NewGuid(random), PersonName(random));
                parent?.Children.Add(position);
                positions.Add(position);
                return position;
            }

            agency.Head = Add(0, $"Kepala {name}", null);
            for (var s = 0; s < SecondLevelCount; s++)
            {
                var second = Add(1, s == 0 ? $"Sekretaris {name}" : $"Kepala Bidang {s} {name}", agency.Head);
                agency.SecondLevel.Add(second);
                for (var t = 0; t < ThirdLevelPerParent; t++)
                {
                    var third = Add(2, s == 0 ? $"Kepala Subbagian {t + 1} {abbreviation}" : $"Kepala Seksi {s}.{t + 1} {abbreviation}", second);
                    for (var f = 0; f < StaffPerParent; f++)
                    {
                        Add(3, $"Staf {third.Title[(third.Title.IndexOf(' ', StringComparison.Ordinal) + 1)..]} {f + 1}", third);
                    }
                }
            }

            agencies.Add(agency);
        }

        return new SyntheticCity(agencies, positions);
    }

    public static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string PersonName(Random random) =>
        $"{Vocabulary.FirstNames[random.Next(Vocabulary.FirstNames.Length)]} {Vocabulary.LastNames[random.Next(Vocabulary.LastNames.Length)]}";
}
