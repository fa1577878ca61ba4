using System.Text.RegularExpressions;

namespace Superapps.Letters.Domain.Drafting;

public enum DiffKind
{
    Unchanged = 0,
    Inserted = 1,
    Deleted = 2,
}

/// <summary>A run of words that is unchanged, inserted or deleted between two versions.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// A word-level diff of two plain texts (longest common subsequence over words, after trimming the common start and end).
/// Whitespace is normalised: words are compared, and segments are joined by single spaces.
/// </summary>
public static partial class WordDiff
{
    /// <summary>Above this many cells the middle is shown as deleted then inserted, instead of spending time and memory on the table.</summary>
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Compute(string? before, string? after)
    {
        var a = Words(before);
        var b = Words(after);
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var ops = new List<(DiffKind Kind, string Word)>();
        ops.AddRange(a[..start].Select(w => (DiffKind.Unchanged, w)));
        Middle(a[start..endA], b[start..endB], ops);
        ops.AddRange(a[endA..].Select(w => (DiffKind.Unchanged, w)));

        var segments = new List<DiffSegment>();
        foreach (var group in Runs(ops))
        {
            segments.Add(new DiffSegment(group.Kind, string.Join(' ', group.Words)));
        }

        return segments;
    }

    private static void Middle(string[] a, string[] b, List<(DiffKind, string)> ops)
    {
        if ((long)a.Length * b.Length > MaxCells)
        {
            ops.AddRange(a.Select(w => (DiffKind.Deleted, w)));
            ops.AddRange(b.Select(w => (DiffKind.Inserted, w)));
            return;
        }

        // lcs[i, j]: the length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                ops.Add((DiffKind.Unchanged, a[x++]));
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                ops.Add((DiffKind.Deleted, a[x++]));
            }
            else
            {
                ops.Add((DiffKind.Inserted, b[y++]));
            }
        }

        ops.AddRange(a[x..].Select(w => (DiffKind.Deleted, w)));
        ops.AddRange(b[y..].Select(w => (DiffKind.Inserted, w)));
    }

    /// <summary>Consecutive words of one kind; within a changed stretch, deletions come before insertions.</summary>
    private static IEnumerable<(DiffKind Kind, List<string> Words)> Runs(List<(DiffKind Kind, string Word)> ops)
    {
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == DiffKind.Unchanged)
            {
                var words = new List<string>();
                while (i < ops.Count && ops[i].Kind == DiffKind.Unchanged)
                {
                    words.Add(ops[i++].Word);
                }

                yield return (DiffKind.Unchanged, words);
                continue;
            }

            var deleted = new List<string>();
            var inserted = new List<string>();
            while (i < ops.Count && ops[i].Kind != DiffKind.Unchanged)
            {
                (ops[i].Kind == DiffKind.Deleted ? deleted : inserted).Add(ops[i].Word);
                i++;
            }

            if (deleted.Count > 0)
            {
                yield return (DiffKind.Deleted, deleted);
            }

            if (inserted.Count > 0)
            {
                yield return (DiffKind.Inserted, inserted);
            }
        }
    }

    private static string[] Words(string? text) => string.IsNullOrWhiteSpace(text) ? [] : Whitespace().Split(text.Trim());

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
