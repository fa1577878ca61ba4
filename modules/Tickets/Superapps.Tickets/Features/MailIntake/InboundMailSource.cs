using Microsoft.Extensions.Options;

namespace Superapps.Tickets.Features.MailIntake;

/// <summary>One message waiting in the inbound source, as raw RFC 822 bytes.</summary>
public sealed record InboundMail(string Name, Func<Stream> Open);

/// <summary>Where inbound e-mail comes from: the seam of the intake. The intake reads the pending messages and settles each once.</summary>
public interface IInboundMailSource
{
    IReadOnlyList<InboundMail> Pending();

    /// <summary>The message was handled (a ticket, or a repeat of one already taken in): out of the way, kept.</summary>
    void Done(InboundMail mail);

    /// <summary>The message could not be taken in: set aside, kept, with <paramref name="reason"/> next to it.</summary>
    void Reject(InboundMail mail, string reason);
}

/// <summary>
/// A Maildir-style local folder a mail server delivers to (<see cref="MailIntakeOptions.InboundDirectory"/>): messages in
/// <c>new/</c>, oldest first; handled ones move to <c>done/</c>, rejected ones to <c>rejected/</c> with a <c>.reason.txt</c> file.
/// Files whose name starts with a dot are skipped (a writer's temporary file).
/// </summary>
internal sealed class LocalInboundMailSource(IOptions<TicketsOptions> options) : IInboundMailSource
{
    private string Root => options.Value.MailIntake.InboundDirectory ?? throw new InvalidOperationException("Superapps:Tickets:MailIntake:InboundDirectory is not set.");

    public IReadOnlyList<InboundMail> Pending()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, "new"));
        return [.. folder.EnumerateFiles().Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new InboundMail(f.Name, () => f.OpenRead()))];
    }

    public void Done(InboundMail mail) => Move(mail, "done");

    public void Reject(InboundMail mail, string reason)
    {
        var target = Move(mail, "rejected");
        File.WriteAllText(target + ".reason.txt", reason + Environment.NewLine);
    }

    private string Move(InboundMail mail, string folder)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, folder)).FullName;
        var target = Path.Combine(directory, mail.Name);
        if (File.Exists(target))
        {
            target = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(mail.Name)}-{Guid.NewGuid():N}{Path.GetExtension(mail.Name)}");
        }

        File.Move(Path.Combine(Root, "new", mail.Name), target);
        return target;
    }
}
