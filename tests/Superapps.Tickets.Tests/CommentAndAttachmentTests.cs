using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using static Superapps.Tickets.Tests.TicketBuilder;

namespace Superapps.Tickets.Tests;

public sealed class CommentAndAttachmentTests
{
    [Fact]
    public void The_reporter_writes_visible_comments_only()
    {
        var ticket = InState(TicketStatus.InProgress);

        ticket.AddComment(Reporter, "Sudah dicoba restart router.", isInternal: false, Reported.AddHours(1)).IsInternal.ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => ticket.AddComment(Reporter, "rahasia", isInternal: true, Reported.AddHours(1)))
            .Error.ShouldBe(TicketErrors.ReporterInternalComment);

        ticket.Comments.Count.ShouldBe(1);
    }

    [Fact]
    public void Technicians_write_internal_notes_and_strangers_and_the_system_write_nothing()
    {
        var ticket = InState(TicketStatus.InProgress);

        ticket.AddComment(Technician, "ONT rusak, ganti dari stok.", isInternal: true, Reported.AddHours(1)).IsInternal.ShouldBeTrue();
        Should.Throw<DomainRuleException>(() => ticket.AddComment(OtherReporter, "ikut", false, Reported)).Error.ShouldBe(TicketErrors.NotTheReporter);
        Should.Throw<DomainRuleException>(() => ticket.AddComment(TicketActor.System, "x", false, Reported)).Error.ShouldBe(TicketErrors.SystemCannotComment);
        Should.Throw<DomainRuleException>(() => ticket.AddComment(Technician, new string('x', Ticket.MaxTextLength + 1), false, Reported))
            .Error.ShouldBe(TicketErrors.CommentText);

        ticket.Comments.Count.ShouldBe(1);
    }

    [Fact]
    public void Attachments_are_recorded_with_a_clean_file_name_and_checked()
    {
        var ticket = New();

        var photo = ticket.AddAttachment(Reporter, "../../foto router.jpg", "image/jpeg", 120_000, "tickets/2026/abc", isInternal: false, Reported);

        photo.FileName.ShouldBe("foto router.jpg");
        Should.Throw<DomainRuleException>(() => ticket.AddAttachment(Reporter, "besar.jpg", "image/jpeg", TicketAttachment.MaxBytes + 1, "k", false, Reported))
            .Error.ShouldBe(TicketErrors.Attachment);
        Should.Throw<DomainRuleException>(() => ticket.AddAttachment(Reporter, "", "image/jpeg", 10, "k", false, Reported)).Error.ShouldBe(TicketErrors.Attachment);
        ticket.Attachments.Count.ShouldBe(1);
    }
}
