namespace Superapps.Notifications.Contracts;

/// <summary>
/// Sends one e-mail with documents attached to an address outside the portal's users (an external addressee of a letter), at
/// once: the call returns when the message was handed to the SMTP server (or written to the pickup folder), and throws when it
/// was not, so the caller can record the failure and try again. Callers keep their own record of what was mailed, for
/// idempotency. Implemented by the Notifications module, with the same SMTP or pickup-folder settings as its notices.
/// </summary>
public interface IDocumentMailer
{
    Task SendAsync(DocumentMail mail, CancellationToken cancellationToken = default);
}

/// <summary>One plain-text e-mail with attachments.</summary>
/// <param name="ToName">The addressee's display name.</param>
/// <param name="ToAddress">The addressee's e-mail address.</param>
/// <param name="Text">The plain-text body (Indonesian first, then English).</param>
public sealed record DocumentMail(string ToName, string ToAddress, string Subject, string Text, IReadOnlyList<MailAttachment> Attachments);

/// <summary>A file attached to a <see cref="DocumentMail"/>, e.g. a signed letter as <c>application/pdf</c>.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
