package dev.ponder.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface CachedModelListRepository extends JpaRepository<CachedModelList, String> {

}
