using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;

namespace Polku.Core.Data.Configurations;

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> b) => b.ToTable("ChannelOpeningHours");
}
