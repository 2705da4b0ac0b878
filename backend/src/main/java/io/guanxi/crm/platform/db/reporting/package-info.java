/** Holds no entity: the reporting persistence unit (platform/db/Reporting) runs native SQL only. */
package io.guanxi.crm.platform.db.reporting;
