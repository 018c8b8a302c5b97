package dev.ponder.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.PostgresUnderTest;
import dev.ponder.testing.SharedUpstream;
import dev.ponder.testing.TwoInstances;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model lists with two instances: the one whose turn it is asks the endpoint, the
 * other shows what it stored without asking again.
 */
@ExtendWith(PostgresUnderTest.Required.class)
class TwoInstancesCatalogTest {

	private final TwoInstances instances = TwoInstances.get();

	private final FakeUpstream upstream = SharedUpstream.get();

	@Test
	void aModelListFetchedByOneInstanceIsShownByTheOtherWithoutAskingAgain() {
		ModelCatalog onA = this.instances.a().getBean(ModelCatalog.class);
		ModelCatalog onB = this.instances.b().getBean(ModelCatalog.class);
		// Each instance's own check at its start.
		onA.refresh();
		onB.refresh();
		this.upstream.reset();
		this.upstream.models(CatalogModelTest.fixture("vllm.json"));

		onA.refresh();
		onB.adoptNewerLists();
		onB.refreshDue();

		assertThat(onB.models(ModelCatalog.ModelFilter.ALL)).extracting(CatalogModel::id)
			.containsExactly("Qwen/QwQ-32B");
		assertThat(onB.isStale()).isFalse();
		assertThat(this.upstream.requests()).filteredOn((request) -> request.path().endsWith("/models"))
			.as("asked once, by A")
			.hasSize(1);
	}

}
