using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Participation.Feedback;

namespace Polku.Core.Data.Configurations;

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.HasIndex(f => new { f.OrganisationId, f.GivenOn });
        b.HasIndex(f => f.GiverClientId);
        b.Property(f => f.Variant).HasConversion<string>().HasMaxLength(10);
        b.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Language).HasMaxLength(2);
        b.Property(f => f.Comment).HasMaxLength(FeedbackItem.CommentMaxLength);
        b.Property(f => f.Answer).HasMaxLength(FeedbackItem.ReasonMaxLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Service>().WithMany().HasForeignKey(f => f.ServiceId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Client>().WithMany().HasForeignKey(f => f.GiverClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(f => f.DevelopmentAction).WithMany(a => a.Items).HasForeignKey(f => f.DevelopmentActionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DevelopmentActionConfiguration : IEntityTypeConfiguration<DevelopmentAction>
{
    public void Configure(EntityTypeBuilder<DevelopmentAction> b)
    {
        b.HasIndex(a => a.OrganisationId);
        b.ComplexProperty(a => a.Title, n => LocalisedTextMapping.Columns(n, "Title", 300));
        b.ComplexProperty(a => a.Result, n => LocalisedTextMapping.Columns(n, "Result", 2000));
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(a => a.OwnerProfessionalId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.DevelopmentActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b) =>
        b.ComplexProperty(m => m.Title, n => LocalisedTextMapping.Columns(n, "Title", 300));
}

internal sealed class CoWrittenNoteConfiguration : IEntityTypeConfiguration<Polku.Core.Participation.Notes.CoWrittenNote>
{
    public void Configure(EntityTypeBuilder<Polku.Core.Participation.Notes.CoWrittenNote> b)
    {
        b.Property(n => n.Id).ValueGeneratedNever();
        b.HasIndex(n => n.ClientId);
        b.Property(n => n.ProfessionalName).HasMaxLength(200);
        b.Property(n => n.ProfessionalText).HasMaxLength(Polku.Core.Participation.Notes.CoWrittenNote.TextMaxLength);
        b.Property(n => n.ClientComment).HasMaxLength(Polku.Core.Participation.Notes.CoWrittenNote.TextMaxLength);
        b.HasOne<Client>().WithMany().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Professional>().WithMany().HasForeignKey(n => n.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(n => n.Versions, v =>
        {
            v.ToTable("CoWrittenNoteVersions");
            v.WithOwner().HasForeignKey(x => x.NoteId);
            v.HasKey(x => new { x.NoteId, x.Number });
            v.Property(x => x.Number).ValueGeneratedNever();
            v.Property(x => x.AuthorName).HasMaxLength(200);
            v.Property(x => x.Text).HasMaxLength(Polku.Core.Participation.Notes.CoWrittenNote.TextMaxLength);
            v.Property(x => x.ClientComment).HasMaxLength(Polku.Core.Participation.Notes.CoWrittenNote.TextMaxLength);
            v.HasOne<Professional>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
