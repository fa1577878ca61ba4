using System.Globalization;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;

namespace Superapps.Benchmarks.Generation;

/// <param name="Letters">How many letters: 1,000,000 for the benchmark, a few thousand for the smoke test.</param>
/// <param name="DispositionsPerLetter">The mean size of a disposition tree: 5 gives 5,000,000 nodes for a million letters.</param>
/// <param name="Seed">The same seed gives the same rows.</param>
/// <param name="Agencies">How many OPDs.</param>
/// <param name="Years">The letters are spread evenly over this many years before <see cref="Now"/>.</param>
internal sealed record GeneratorOptions(int Letters, double DispositionsPerLetter = 5, int Seed = 20261123, int Agencies = 40, int Years = 4)
{
    /// <summary>The moment the data describes (09:00 WIB, 23 November 2026): the benchmark's clock stands here.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A line that tells whether a stored data set was made with these options.</summary>
    public string Marker => string.Create(CultureInfo.InvariantCulture,
        $"superapps-letters-benchmark v1 letters={Letters} dispositions-per-letter={DispositionsPerLetter} seed={Seed} agencies={Agencies} years={Years}");
}

/// <summary>What was generated.</summary>
internal sealed record GenerationSummary(long Letters, long Recipients, long Dispositions, long LettersWithRareTerm);

/// <summary>
/// Generates a city's incoming letters deterministically: OPDs of different sizes (a Zipf-like share of the letters), letters
/// addressed to the Kepala (mostly), a Sekretaris or a Kabid, carbon copies, read receipts, disposition trees down to staff
/// (mean size <see cref="GeneratorOptions.DispositionsPerLetter"/>), deadlines from urgency, open and closed letters.
/// Subjects and notes draw words from <see cref="Vocabulary"/> with a skewed distribution.
/// </summary>
internal sealed class LetterDataGenerator(GeneratorOptions options)
{
    private const double RareSubjectProbability = 0.0015;
    private const double RareNoteProbability = 0.0004;
    private static readonly TimeSpan OpenWindow = TimeSpan.FromDays(45);
    private static readonly TimeSpan WorkingDay = TimeSpan.FromHours(10);

    public SyntheticCity City { get; } = SyntheticCity.Build(new Random(options.Seed), options.Agencies);

    public GenerationSummary Generate(ILetterRowSink sink, Action<long>? progress = null)
    {
        var random = new Random(options.Seed + 1);
        var agencyDistribution = new Zipf(options.Agencies, 0.8);
        var subjectWords = new Zipf(Vocabulary.SubjectWords.Length, 1.0);
        var noteWords = new Zipf(Vocabulary.NoteWords.Length, 0.9);
        var senders = new Zipf(Vocabulary.OutsideSenders.Length, 1.0);
        var codes = new Zipf(Vocabulary.ClassificationCodes.Length, 1.0);
        var instructions = new Zipf(Disposition.PresetInstructions.Count, 0.8);
        var agendaCounters = new Dictionary<(int Agency, int Year), int>();
        var start = GeneratorOptions.Now - TimeSpan.FromDays(365.25 * options.Years);
        var days = (GeneratorOptions.Now - start).TotalDays;
        long letterCount = 0, recipientCount = 0, dispositionCount = 0, rare = 0;
        var dispositionBudget = Math.Max(0, options.DispositionsPerLetter - 1) / 8;

        for (var i = 0; i < options.Letters; i++)
        {
            if (i % 50_000 == 0)
            {
                progress?.Invoke(i);
            }

            // Letters arrive in time order between 07:00 and 17:00 WIB (00:00 to 10:00 UTC).
            var x = (i + random.NextDouble()) / options.Letters * days;
            var day = Math.Floor(x);
            var receivedAt = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero).AddDays(day) + ((x - day) * WorkingDay);
            if (receivedAt >= GeneratorOptions.Now)
            {
                receivedAt = GeneratorOptions.Now.AddMinutes(-1 - random.Next(600));
            }

            var agency = City.Agencies[agencyDistribution.Sample(random)];
            var wibYear = receivedAt.ToOffset(TimeSpan.FromHours(7)).Year;
            var key = (agency.Index, wibYear);
            agendaCounters[key] = agendaCounters.GetValueOrDefault(key) + 1;

            Guid? senderAgencyId = null;
            Guid? sourceId = null;
            string sender, senderAbbreviation;
            var origin = random.NextDouble() < 0.3 ? LetterOrigin.Internal : LetterOrigin.Paper;
            if (origin == LetterOrigin.Internal)
            {
                var from = City.Agencies[random.Next(City.Agencies.Count)];
                sender = from.Name;
                senderAbbreviation = from.Abbreviation;
                senderAgencyId = from.Id;
                sourceId = SequentialGuid(0x5000_0000, i);
            }
            else
            {
                sender = Vocabulary.OutsideSenders[senders.Sample(random)];
                senderAbbreviation = new string([.. sender.Where(char.IsUpper).Take(6)]);
            }

            var code = Vocabulary.ClassificationCodes[codes.Sample(random)];
            var senderNumber = string.Create(CultureInfo.InvariantCulture, $"{code}/{random.Next(1, 10000)}/{senderAbbreviation}/{wibYear}");
            var subject = Words(random, Vocabulary.SubjectWords, subjectWords, random.Next(4, 11), RareSubjectProbability, out var hasRare);
            rare += hasRare ? 1 : 0;

            var securityClass = Pick(random, (0.90, SecurityClass.Biasa), (0.96, SecurityClass.Terbatas), (0.99, SecurityClass.Rahasia), (1.0, SecurityClass.SangatRahasia));
            var urgency = Pick(random, (0.75, Urgency.Biasa), (0.93, Urgency.Segera), (1.0, Urgency.SangatSegera));
            var addressee = Pick(random, (0.85, agency.Head), (0.95, agency.SecondLevel[0]), (1.0, agency.SecondLevel[1 + random.Next(SyntheticCity.SecondLevelCount - 1)]));
            var age = GeneratorOptions.Now - receivedAt;
            var open = age < OpenWindow || random.NextDouble() < 0.03;
            DateTimeOffset? closedAt = open ? null : Min(receivedAt.AddDays(5 + random.Next(35)), GeneratorOptions.Now.AddHours(-1));
            var letterId = SequentialGuid(0x1000_0000, i);
            sink.Letter(new LetterRow(letterId, agency.Id, wibYear, agendaCounters[key], (int)origin, sourceId, sender, senderAgencyId, senderNumber,
                DateOnly.FromDateTime(receivedAt.UtcDateTime.AddDays(-random.Next(8))), subject, (int)securityClass, (int)urgency, code, receivedAt,
                agency.ClerkId, agency.ClerkName, addressee.Id, addressee.Title, open ? (int)LetterStatus.Open : (int)LetterStatus.Closed, closedAt));
            letterCount++;

            // Read receipts: old letters have been opened; the last days' letters partly not yet.
            var readProbability = open ? (age < TimeSpan.FromDays(1) ? 0.3 : age < TimeSpan.FromDays(10) ? 0.7 : 0.995) : 1.0;
            var addresseeReadAt = random.NextDouble() < readProbability ? Min(receivedAt.AddHours(0.5 + (random.NextDouble() * 47)), GeneratorOptions.Now.AddMinutes(-5)) : (DateTimeOffset?)null;
            sink.Recipient(new RecipientRow(SequentialGuid(0x2000_0000, recipientCount), letterId, addressee.Id, addressee.Title, (int)RecipientKind.To,
                addresseeReadAt, addresseeReadAt is null ? null : addressee.HolderId));
            recipientCount++;
            if (random.NextDouble() < 0.25)
            {
                var copies = random.Next(1, 3);
                foreach (var copy in agency.SecondLevel.Where(p => p != addressee).OrderBy(_ => random.Next()).Take(copies))
                {
                    var copyRead = random.NextDouble() < readProbability ? Min(receivedAt.AddHours(1 + (random.NextDouble() * 72)), GeneratorOptions.Now.AddMinutes(-5)) : (DateTimeOffset?)null;
                    sink.Recipient(new RecipientRow(SequentialGuid(0x2000_0000, recipientCount), letterId, copy.Id, copy.Title, (int)RecipientKind.Cc,
                        copyRead, copyRead is null ? null : copy.HolderId));
                    recipientCount++;
                }
            }

            // The disposition tree: 1 + Binomial(8, p) nodes, corrected towards the running target so the total comes out at
            // DispositionsPerLetter x Letters (the last weeks' letters are partly unread, so the target is met a little early).
            if (addresseeReadAt is not { } rootReady)
            {
                continue;
            }

            var target = Math.Min(options.DispositionsPerLetter * options.Letters, options.DispositionsPerLetter * (i + 1) / 0.97);
            var correction = (int)Math.Clamp(Math.Round(target - dispositionCount), -9, 6);
            var budget = Math.Max(0, 1 + Binomial(random, 8, dispositionBudget) + correction);
            dispositionCount += Tree(random, sink, letterId, addressee, rootReady, urgency, open, budget, noteWords, instructions, dispositionCount, ref rare);
        }

        return new GenerationSummary(letterCount, recipientCount, dispositionCount, rare);
    }

    private static int Tree(Random random, ILetterRowSink sink, Guid letterId, SyntheticPosition root, DateTimeOffset rootReady, Urgency urgency, bool open, int budget,
        Zipf noteWords, Zipf instructions, long sequence, ref long rare)
    {
        var frontier = new List<(SyntheticPosition Giver, Guid? Node, DateTimeOffset Ready, List<SyntheticPosition> Left)>
        {
            (root, null, rootReady, [.. root.Children]),
        };
        var created = 0;
        while (created < budget && frontier.Count > 0)
        {
            var index = random.Next(frontier.Count);
            var (giver, parent, ready, left) = frontier[index];
            if (left.Count == 0)
            {
                frontier.RemoveAt(index);
                continue;
            }

            var to = left[random.Next(left.Count)];
            left.Remove(to);
            var sentAt = ready.AddHours(0.25 + (random.NextDouble() * 30));
            if (sentAt >= GeneratorOptions.Now.AddMinutes(-10))
            {
                frontier.RemoveAt(index);
                continue;
            }

            var status = open
                ? Pick(random, (0.25, DispositionStatus.Unread), (0.50, DispositionStatus.Read), (0.78, DispositionStatus.InProgress), (0.96, DispositionStatus.Done), (1.0, DispositionStatus.Cancelled))
                : DispositionStatus.Done;
            DateTimeOffset? readAt = status is DispositionStatus.Unread or DispositionStatus.Cancelled ? null : Min(sentAt.AddHours(0.2 + (random.NextDouble() * 20)), GeneratorOptions.Now.AddMinutes(-5));
            DateTimeOffset? doneAt = status == DispositionStatus.Done ? Min(readAt!.Value.AddHours(2 + (random.NextDouble() * 100)), GeneratorOptions.Now.AddMinutes(-2)) : null;
            DateTimeOffset? acceptedAt = doneAt is { } d && (!open || random.NextDouble() < 0.5) ? Min(d.AddHours(1 + (random.NextDouble() * 20)), GeneratorOptions.Now.AddMinutes(-1)) : null;
            var deadline = Disposition.DefaultDeadline(urgency, sentAt) ?? (random.NextDouble() < 0.25 ? sentAt.AddDays(7) : null);
            var instructionCount = random.NextDouble() < 0.7 ? 1 : 2;
            var chosen = new List<string>(instructionCount);
            while (chosen.Count < instructionCount)
            {
                var instruction = Disposition.PresetInstructions[instructions.Sample(random)];
                if (!chosen.Contains(instruction))
                {
                    chosen.Add(instruction);
                }
            }

            string? note = null;
            if (random.NextDouble() < 0.65)
            {
                note = Words(random, Vocabulary.NoteWords, noteWords, random.Next(3, 13), RareNoteProbability, out var noteHasRare);
                rare += noteHasRare ? 1 : 0;
            }

            var id = SequentialGuid(0x3000_0000, sequence + created);
            sink.Disposition(new DispositionRow(id, letterId, parent, SequentialGuid(0x4000_0000, sequence + created), giver.HolderId, giver.HolderName, giver.Id, giver.Title,
                to.Id, to.Title, to.HolderId, to.HolderName, [.. chosen], note, deadline, sentAt, readAt, (int)status, doneAt, acceptedAt,
                status == DispositionStatus.Cancelled ? sentAt.AddMinutes(5 + random.Next(60)) : null,
                doneAt is null ? null : Vocabulary.ReportTexts[random.Next(Vocabulary.ReportTexts.Length)]));
            created++;
            if (readAt is { } toReady && status != DispositionStatus.Cancelled && to.Children.Count > 0)
            {
                frontier.Add((to, id, toReady, [.. to.Children]));
            }
        }

        return created;
    }

    private static string Words(Random random, string[] words, Zipf distribution, int count, double rareProbability, out bool hasRare)
    {
        var parts = new List<string>(count + 1);
        for (var w = 0; w < count; w++)
        {
            parts.Add(words[distribution.Sample(random)]);
        }

        hasRare = random.NextDouble() < rareProbability;
        if (hasRare)
        {
            parts.Insert(random.Next(parts.Count + 1), Vocabulary.RareWords[random.Next(Vocabulary.RareWords.Length)]);
        }

        var text = string.Join(' ', parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static T Pick<T>(Random random, params (double Upto, T Value)[] choices)
    {
        var r = random.NextDouble();
        foreach (var (upto, value) in choices)
        {
            if (r < upto)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private static int Binomial(Random random, int n, double p)
    {
        var k = 0;
        for (var t = 0; t < n; t++)
        {
            k += random.NextDouble() < p ? 1 : 0;
        }

        return k;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Ids that grow with the insertion order, as <see cref="Guid.CreateVersion7()"/> ids do in the application.</summary>
    internal static Guid SequentialGuid(int table, long counter) =>
        new(table, (short)(counter >> 32), (short)((counter >> 16) & 0xFFFF), (byte)((counter >> 8) & 0xFF), (byte)(counter & 0xFF), 0x80, 0, 0, 0, 0, 0);

    /// <summary>Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int n, double s)
        {
            _cumulative = new double[n];
            var sum = 0.0;
            for (var k = 0; k < n; k++)
            {
                sum += 1 / Math.Pow(k + 1, s);
                _cumulative[k] = sum;
            }

            for (var k = 0; k < n; k++)
            {
                _cumulative[k] /= sum;
            }
        }

        public int Sample(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }
}
