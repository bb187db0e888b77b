using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Assistant;
using Polku.Core.Clients;

namespace Polku.Core.Data.Configurations;

internal sealed class HandoffMessageConfiguration : IEntityTypeConfiguration<HandoffMessage>
{
    public void Configure(EntityTypeBuilder<HandoffMessage> b)
    {
        b.HasIndex(m => new { m.Status, m.CreatedAt });
        b.HasIndex(m => m.ClientId);
        b.Property(m => m.Language).HasMaxLength(2);
        b.Property(m => m.Text).HasMaxLength(HandoffMessage.MaxTextLength + 100);
        b.Property(m => m.Answer).HasMaxLength(HandoffMessage.MaxTextLength + 100);
        b.Property(m => m.Situation).HasMaxLength(50);
        b.Property(m => m.Urgency).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.ContactName).HasMaxLength(200);
        b.Property(m => m.ContactPhone).HasMaxLength(40);
        b.Property(m => m.ContactEmail).HasMaxLength(320);
        b.Property(m => m.AnsweredBy).HasMaxLength(200);
        b.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
